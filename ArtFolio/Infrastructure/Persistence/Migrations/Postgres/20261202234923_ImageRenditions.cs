using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImageRenditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DominantColor",
                table: "artworks",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Placeholder",
                table: "artworks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Renditions",
                table: "artworks",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // none yet: the one-time renditions job makes them
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DominantColor",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "Placeholder",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "Renditions",
                table: "artworks");
        }
    }
}
