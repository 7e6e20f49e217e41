using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtFolio.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountEmailsWithoutSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Emails queued by earlier releases hold whole messages, working reset and verification
            // links included: none may stay in the database, and the links that backups of it still
            // hold stop working (a user whose link dies this way asks for another).
            migrationBuilder.Sql("DELETE FROM outbox WHERE \"Topic\" = 'email';");
            migrationBuilder.Sql(
                "UPDATE one_time_tokens SET \"ConsumedAt\" = CURRENT_TIMESTAMP WHERE \"ConsumedAt\" IS NULL;"
            );

            migrationBuilder.AddColumn<Guid>(
                name: "OutboxMessageId",
                table: "one_time_tokens",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_one_time_tokens_OutboxMessageId",
                table: "one_time_tokens",
                column: "OutboxMessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_one_time_tokens_OutboxMessageId",
                table: "one_time_tokens");

            migrationBuilder.DropColumn(
                name: "OutboxMessageId",
                table: "one_time_tokens");
        }
    }
}
