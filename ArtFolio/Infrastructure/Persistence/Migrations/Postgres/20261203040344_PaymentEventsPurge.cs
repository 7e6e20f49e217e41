using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentEventsPurge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_payment_events_ReceivedAt",
                table: "payment_events",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payment_events_ReceivedAt",
                table: "payment_events");
        }
    }
}
