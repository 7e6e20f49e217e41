using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Written by hand (EF has no model of FTS5): an external-content index over the row's
            // columns, kept in step by triggers. It is keyed by the table's rowid, which only VACUUM or a
            // table rebuild renumbers: a later migration that rebuilds artworks must recreate the
            // triggers and run the 'rebuild' below again.
            migrationBuilder.Sql(
                """
                UPDATE artworks SET "TagText" = coalesce(
                    (SELECT group_concat("Name", ' ') FROM artwork_tags t WHERE t."ArtworkId" = artworks."Id"), '');
                """
            );
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE artworks_fts USING fts5(
                    "Title", "TagText", "Description",
                    content = 'artworks', content_rowid = 'rowid',
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
                """
            );
            migrationBuilder.Sql(
                """
                CREATE TRIGGER artworks_fts_insert AFTER INSERT ON artworks BEGIN
                    INSERT INTO artworks_fts (rowid, "Title", "TagText", "Description")
                    VALUES (new.rowid, new."Title", new."TagText", new."Description");
                END;
                """
            );
            migrationBuilder.Sql(
                """
                CREATE TRIGGER artworks_fts_delete AFTER DELETE ON artworks BEGIN
                    INSERT INTO artworks_fts (artworks_fts, rowid, "Title", "TagText", "Description")
                    VALUES ('delete', old.rowid, old."Title", old."TagText", old."Description");
                END;
                """
            );
            migrationBuilder.Sql(
                """
                CREATE TRIGGER artworks_fts_update AFTER UPDATE OF "Title", "TagText", "Description" ON artworks BEGIN
                    INSERT INTO artworks_fts (artworks_fts, rowid, "Title", "TagText", "Description")
                    VALUES ('delete', old.rowid, old."Title", old."TagText", old."Description");
                    INSERT INTO artworks_fts (rowid, "Title", "TagText", "Description")
                    VALUES (new.rowid, new."Title", new."TagText", new."Description");
                END;
                """
            );
            migrationBuilder.Sql("INSERT INTO artworks_fts (artworks_fts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER artworks_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER artworks_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER artworks_fts_insert;");
            migrationBuilder.Sql("DROP TABLE artworks_fts;");

            migrationBuilder.DropColumn(
                name: "TagText",
                table: "artworks");
        }
    }
}
