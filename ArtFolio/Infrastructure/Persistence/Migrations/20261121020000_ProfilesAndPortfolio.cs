using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtFolio.Infrastructure.Persistence.Migrations;

/// <summary>Avatar keys and follower counters on users, and the four portfolio sections.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121020000_ProfilesAndPortfolio")]
public sealed class ProfilesAndPortfolio : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("AvatarKey", "users", maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<string>("AvatarThumbnailKey", "users", maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<int>("FollowerCount", "users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>("FollowingCount", "users", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "portfolio_projects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                Url = table.Column<string>(maxLength: 2048, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                EndDate = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_portfolio_projects", x => x.Id);
                table.ForeignKey(
                    "FK_portfolio_projects_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateTable(
            name: "portfolio_skills",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
                Level = table.Column<string>(maxLength: 20, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_portfolio_skills", x => x.Id);
                table.ForeignKey(
                    "FK_portfolio_skills_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateTable(
            name: "portfolio_experience",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Organization = table.Column<string>(maxLength: 120, nullable: true),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                EndDate = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_portfolio_experience", x => x.Id);
                table.ForeignKey(
                    "FK_portfolio_experience_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateTable(
            name: "portfolio_education",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Institution = table.Column<string>(maxLength: 120, nullable: false),
                Degree = table.Column<string>(maxLength: 120, nullable: true),
                Field = table.Column<string>(maxLength: 120, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                EndDate = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_portfolio_education", x => x.Id);
                table.ForeignKey(
                    "FK_portfolio_education_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        foreach (
            var table in new[]
            {
                "portfolio_projects",
                "portfolio_skills",
                "portfolio_experience",
                "portfolio_education",
            }
        )
            migrationBuilder.CreateIndex($"IX_{table}_UserId", table, "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (
            var table in new[]
            {
                "portfolio_projects",
                "portfolio_skills",
                "portfolio_experience",
                "portfolio_education",
            }
        )
            migrationBuilder.DropTable(table);
        migrationBuilder.DropColumn("AvatarKey", "users");
        migrationBuilder.DropColumn("AvatarThumbnailKey", "users");
        migrationBuilder.DropColumn("FollowerCount", "users");
        migrationBuilder.DropColumn("FollowingCount", "users");
    }
}
