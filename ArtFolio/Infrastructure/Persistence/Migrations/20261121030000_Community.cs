using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtFolio.Infrastructure.Persistence.Migrations;

/// <summary>Likes, comments, follows, downloads and notifications (see CommunityConfiguration).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121030000_Community")]
public sealed class Community : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "likes",
            columns: table => new
            {
                ArtworkId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_likes", x => new { x.ArtworkId, x.UserId });
                table.ForeignKey(
                    "FK_likes_artworks_ArtworkId",
                    x => x.ArtworkId,
                    "artworks",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_likes_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_likes_UserId_ArtworkId", "likes", ["UserId", "ArtworkId"]);
        migrationBuilder.CreateIndex("IX_likes_CreatedAt", "likes", "CreatedAt");

        migrationBuilder.CreateTable(
            name: "comments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArtworkId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Body = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_comments", x => x.Id);
                table.ForeignKey(
                    "FK_comments_artworks_ArtworkId",
                    x => x.ArtworkId,
                    "artworks",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_comments_users_AuthorId",
                    x => x.AuthorId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex(
            "IX_comments_ArtworkId_CreatedAt_Id",
            "comments",
            ["ArtworkId", "CreatedAt", "Id"]
        );
        migrationBuilder.CreateIndex("IX_comments_AuthorId", "comments", "AuthorId");

        migrationBuilder.CreateTable(
            name: "follows",
            columns: table => new
            {
                FollowerId = table.Column<Guid>(nullable: false),
                FolloweeId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_follows", x => new { x.FollowerId, x.FolloweeId });
                table.ForeignKey(
                    "FK_follows_users_FollowerId",
                    x => x.FollowerId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_follows_users_FolloweeId",
                    x => x.FolloweeId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_follows_FolloweeId_CreatedAt", "follows", ["FolloweeId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_follows_FollowerId_CreatedAt", "follows", ["FollowerId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "downloads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ArtworkId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_downloads", x => x.Id);
                table.ForeignKey(
                    "FK_downloads_artworks_ArtworkId",
                    x => x.ArtworkId,
                    "artworks",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_downloads_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_downloads_UserId_CreatedAt_Id", "downloads", ["UserId", "CreatedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_downloads_ArtworkId", "downloads", "ArtworkId");

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecipientId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                ActorId = table.Column<Guid>(nullable: false),
                ArtworkId = table.Column<Guid>(nullable: true),
                Message = table.Column<string>(maxLength: 600, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notifications", x => x.Id);
                table.ForeignKey(
                    "FK_notifications_users_RecipientId",
                    x => x.RecipientId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_notifications_users_ActorId",
                    x => x.ActorId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
                table.ForeignKey(
                    "FK_notifications_artworks_ArtworkId",
                    x => x.ArtworkId,
                    "artworks",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex(
            "IX_notifications_RecipientId_CreatedAt_Id",
            "notifications",
            ["RecipientId", "CreatedAt", "Id"]
        );
        migrationBuilder.CreateIndex("IX_notifications_RecipientId_ReadAt", "notifications", ["RecipientId", "ReadAt"]);
        migrationBuilder.CreateIndex("IX_notifications_ActorId", "notifications", "ActorId");
        migrationBuilder.CreateIndex("IX_notifications_ArtworkId", "notifications", "ArtworkId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "notifications", "downloads", "follows", "comments", "likes" })
            migrationBuilder.DropTable(table);
    }
}
