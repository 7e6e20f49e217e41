using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtFolio.Infrastructure.Persistence.Migrations;

/// <summary>Artworks and their tags, with one index per listing order (see ArtworkConfiguration).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121010000_Artworks")]
public sealed class Artworks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "artworks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArtistId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Description = table.Column<string>(maxLength: 5000, nullable: true),
                PriceCents = table.Column<long>(nullable: true),
                Category = table.Column<string>(maxLength: 50, nullable: false),
                CategoryKey = table.Column<string>(maxLength: 50, nullable: false),
                MediaKind = table.Column<string>(maxLength: 10, nullable: false),
                ContentType = table.Column<string>(maxLength: 50, nullable: false),
                Bytes = table.Column<long>(nullable: false),
                Width = table.Column<int>(nullable: true),
                Height = table.Column<int>(nullable: true),
                MediaKey = table.Column<string>(maxLength: 300, nullable: false),
                ThumbnailKey = table.Column<string>(maxLength: 300, nullable: true),
                ImageUrl = table.Column<string>(maxLength: 2048, nullable: false),
                ThumbnailUrl = table.Column<string>(maxLength: 2048, nullable: false),
                LikeCount = table.Column<int>(nullable: false),
                CommentCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_artworks", x => x.Id);
                table.ForeignKey(
                    "FK_artworks_users_ArtistId",
                    x => x.ArtistId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_artworks_CreatedAt_Id", "artworks", ["CreatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_artworks_LikeCount_Id", "artworks", ["LikeCount", "Id"]);
        migrationBuilder.CreateIndex("IX_artworks_PriceCents_Id", "artworks", ["PriceCents", "Id"]);
        migrationBuilder.CreateIndex("IX_artworks_ArtistId_CreatedAt", "artworks", ["ArtistId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_artworks_CategoryKey_CreatedAt", "artworks", ["CategoryKey", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "artwork_tags",
            columns: table => new
            {
                ArtworkId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 30, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_artwork_tags", x => new { x.ArtworkId, x.Name });
                table.ForeignKey(
                    "FK_artwork_tags_artworks_ArtworkId",
                    x => x.ArtworkId,
                    "artworks",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_artwork_tags_Name_ArtworkId", "artwork_tags", ["Name", "ArtworkId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("artwork_tags");
        migrationBuilder.DropTable("artworks");
    }
}
