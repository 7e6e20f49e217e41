using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CountersAndSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_likes_CreatedAt",
                table: "likes");

            migrationBuilder.DropIndex(
                name: "IX_artworks_CategoryKey_CreatedAt",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_PriceCents_Id",
                table: "artworks");

            migrationBuilder.AddColumn<int>(
                name: "ArtworkCount",
                table: "users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DisplayNameKey",
                table: "users",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PriceAscKey",
                table: "artworks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PriceDescKey",
                table: "artworks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The new columns of the rows stored before: what the app keeps from now on.
            // (lower() is ASCII-only on SQLite: a display name stored before with other capitals is
            // found by its prefix again once its owner saves the profile.)
            migrationBuilder.Sql(
                """
                UPDATE artworks SET "PriceAscKey" = coalesce("PriceCents", 9223372036854775807),
                                    "PriceDescKey" = coalesce("PriceCents", -1);
                UPDATE users SET "DisplayNameKey" = lower("DisplayName"),
                                 "ArtworkCount" = (SELECT count(*) FROM artworks a WHERE a."ArtistId" = users."Id");
                """
            );

            migrationBuilder.CreateIndex(
                name: "IX_users_DisplayNameKey",
                table: "users",
                column: "DisplayNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_likes_CreatedAt_ArtworkId",
                table: "likes",
                columns: new[] { "CreatedAt", "ArtworkId" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_CategoryKey_CreatedAt_Id",
                table: "artworks",
                columns: new[] { "CategoryKey", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_CategoryKey_LikeCount_Id",
                table: "artworks",
                columns: new[] { "CategoryKey", "LikeCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_CategoryKey_PriceAscKey_Id",
                table: "artworks",
                columns: new[] { "CategoryKey", "PriceAscKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_CategoryKey_PriceDescKey_Id",
                table: "artworks",
                columns: new[] { "CategoryKey", "PriceDescKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_PriceAscKey_Id",
                table: "artworks",
                columns: new[] { "PriceAscKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_PriceDescKey_Id",
                table: "artworks",
                columns: new[] { "PriceDescKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_DisplayNameKey",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_likes_CreatedAt_ArtworkId",
                table: "likes");

            migrationBuilder.DropIndex(
                name: "IX_artworks_CategoryKey_CreatedAt_Id",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_CategoryKey_LikeCount_Id",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_CategoryKey_PriceAscKey_Id",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_CategoryKey_PriceDescKey_Id",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_PriceAscKey_Id",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_PriceDescKey_Id",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "ArtworkCount",
                table: "users");

            migrationBuilder.DropColumn(
                name: "DisplayNameKey",
                table: "users");

            migrationBuilder.DropColumn(
                name: "PriceAscKey",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "PriceDescKey",
                table: "artworks");

            migrationBuilder.CreateIndex(
                name: "IX_likes_CreatedAt",
                table: "likes",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_artworks_CategoryKey_CreatedAt",
                table: "artworks",
                columns: new[] { "CategoryKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_artworks_PriceCents_Id",
                table: "artworks",
                columns: new[] { "PriceCents", "Id" });
        }
    }
}
