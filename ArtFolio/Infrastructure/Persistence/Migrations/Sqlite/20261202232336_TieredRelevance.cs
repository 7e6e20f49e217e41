using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TieredRelevance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Only the shape of search results changed (ArtworkMatch carries one relevance number, the
            // tier and the position, instead of an engine's rank): rows read from SQL, never a table.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) { }
    }
}
