using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecentLikeCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CountedIn",
                table: "likes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "recent_likes",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Likes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recent_likes", x => new { x.Period, x.ArtworkId });
                    table.ForeignKey(
                        name: "FK_recent_likes_artworks_ArtworkId",
                        column: x => x.ArtworkId,
                        principalTable: "artworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recent_likes_windows",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedSince = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recent_likes_windows", x => x.Period);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recent_likes_ArtworkId",
                table: "recent_likes",
                column: "ArtworkId");

            migrationBuilder.CreateIndex(
                name: "IX_recent_likes_Period_Likes_ArtworkId",
                table: "recent_likes",
                columns: new[] { "Period", "Likes", "ArtworkId" });

            // The likes already given, counted once here, so that no ranking after the upgrade has to.
            migrationBuilder.Sql("""
                UPDATE likes SET "CountedIn" = CASE WHEN "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 days') THEN 1 ELSE 0 END + CASE WHEN "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-7 days') THEN 2 ELSE 0 END + CASE WHEN "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-30 days') THEN 4 ELSE 0 END WHERE "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-30 days');
                """);
            migrationBuilder.Sql("""
                INSERT INTO recent_likes ("Period", "ArtworkId", "Likes") SELECT 1, "ArtworkId", COUNT(*) FROM likes WHERE "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 days') GROUP BY "ArtworkId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO recent_likes ("Period", "ArtworkId", "Likes") SELECT 2, "ArtworkId", COUNT(*) FROM likes WHERE "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-7 days') GROUP BY "ArtworkId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO recent_likes ("Period", "ArtworkId", "Likes") SELECT 4, "ArtworkId", COUNT(*) FROM likes WHERE "CreatedAt" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-30 days') GROUP BY "ArtworkId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO recent_likes_windows ("Period", "CountedSince") VALUES (1, strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 days')), (2, strftime('%Y-%m-%d %H:%M:%f', 'now', '-7 days')), (4, strftime('%Y-%m-%d %H:%M:%f', 'now', '-30 days'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recent_likes");

            migrationBuilder.DropTable(
                name: "recent_likes_windows");

            migrationBuilder.DropColumn(
                name: "CountedIn",
                table: "likes");
        }
    }
}
