using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TieredRelevance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TitleTagsVector",
                table: "artworks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', coalesce(\"Title\", ''))\n|| to_tsvector('english', coalesce(\"TagText\", ''))",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TitleVector",
                table: "artworks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', coalesce(\"Title\", ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_artworks_TitleTagsVector",
                table: "artworks",
                column: "TitleTagsVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_artworks_TitleVector",
                table: "artworks",
                column: "TitleVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // Every lexeme the search vectors hold (PostgresArtworkSearch expands a typed prefix through
            // it into the words it can be; a GIN prefix match gathers every posting of every such word).
            // Only grows: a word no artwork holds any longer matches nothing.
            migrationBuilder.Sql("""
                CREATE TABLE search_words ("Word" text COLLATE "C" PRIMARY KEY);
                """);
            migrationBuilder.Sql("""
                INSERT INTO search_words ("Word")
                SELECT DISTINCT w.lexeme FROM artworks, unnest("SearchVector") AS w;
                """);
            // A vector's lexemes come sorted, so concurrent inserts take the words' locks in one order.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO search_words ("Word")
                    SELECT w.lexeme FROM unnest(NEW."SearchVector") AS w
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER search_words_add AFTER INSERT OR UPDATE OF "Title", "TagText", "Description"
                ON artworks FOR EACH ROW EXECUTE FUNCTION search_words_add();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER search_words_add ON artworks;");
            migrationBuilder.Sql("DROP FUNCTION search_words_add();");
            migrationBuilder.Sql("DROP TABLE search_words;");

            migrationBuilder.DropIndex(
                name: "IX_artworks_TitleTagsVector",
                table: "artworks");

            migrationBuilder.DropIndex(
                name: "IX_artworks_TitleVector",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "TitleTagsVector",
                table: "artworks");

            migrationBuilder.DropColumn(
                name: "TitleVector",
                table: "artworks");
        }
    }
}
