using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AutomaticMessagesSending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "sending_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sent_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "email_opt_out_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "messages_max_per_thirty_days",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "4");

            migrationBuilder.AddColumn<int>(
                name: "messages_max_per_three_days",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sending_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "sent_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "email_opt_out_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "messages_max_per_thirty_days",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "messages_max_per_three_days",
                table: "businesses");
        }
    }
}
