using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtFolio.Infrastructure.Persistence.Migrations;

/// <summary>
/// Users and their sessions. Written by hand (the EF design-time package does not restore here) and
/// provider-neutral: no column types are named, so SQLite and PostgreSQL each map the CLR types their
/// own way. MigrationSchemaTests checks that what this creates matches the EF model.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Username = table.Column<string>(maxLength: 30, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                DisplayName = table.Column<string>(maxLength: 60, nullable: true),
                Bio = table.Column<string>(maxLength: 1000, nullable: true),
                Location = table.Column<string>(maxLength: 100, nullable: true),
                Website = table.Column<string>(maxLength: 2048, nullable: true),
                AvatarUrl = table.Column<string>(maxLength: 2048, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id)
        );
        migrationBuilder.CreateIndex("IX_users_Username", "users", "Username", unique: true);
        migrationBuilder.CreateIndex("IX_users_NormalizedEmail", "users", "NormalizedEmail", unique: true);

        migrationBuilder.CreateTable(
            name: "sessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedReason = table.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sessions", x => x.Id);
                table.ForeignKey(
                    "FK_sessions_users_UserId",
                    x => x.UserId,
                    "users",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_sessions_UserId", "sessions", "UserId");

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<byte[]>(maxLength: 32, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                ReplacedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_refresh_tokens", x => x.Id);
                table.ForeignKey(
                    "FK_refresh_tokens_sessions_SessionId",
                    x => x.SessionId,
                    "sessions",
                    "Id",
                    onDelete: ReferentialAction.Cascade
                );
            }
        );
        migrationBuilder.CreateIndex("IX_refresh_tokens_TokenHash", "refresh_tokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_refresh_tokens_SessionId", "refresh_tokens", "SessionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("refresh_tokens");
        migrationBuilder.DropTable("sessions");
        migrationBuilder.DropTable("users");
    }
}
