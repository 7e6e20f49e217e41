using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TagText",
                table: "artworks",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "artworks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Title\", '')), 'A')\n|| setweight(to_tsvector('english', coalesce(\"TagText\", '')), 'B')\n|| setweight(to_tsvector('english', coalesce(\"Description\", '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_artworks_SearchVector",
                table: "artworks",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // The tags of artworks stored before (the generated SearchVector follows).
            migrationBuilder.Sql(
                """
                UPDATE artworks AS a SET "TagText" = t.text
                FROM (SELECT "ArtworkId", string_agg("Name", ' ' ORDER BY "Name") AS text
                      FROM artwork_tags GROUP BY "ArtworkId") AS t
                WHERE t."ArtworkId" = a."Id";
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_artworks_SearchVector",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "TagText",
                table: "artworks");
        }
    }
}
