using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AutomaticMessagesOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "messages_enabled_triggers",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "0");

            migrationBuilder.AddColumn<int>(
                name: "messages_holdout_percent",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "10");

            migrationBuilder.AddColumn<int>(
                name: "messages_send_from_hour",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "9");

            migrationBuilder.AddColumn<int>(
                name: "messages_send_until_hour",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "20");

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    occasion = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    planned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_business_id_customer_id_trigger_occasion",
                table: "outbox_messages",
                columns: new[] { "business_id", "customer_id", "trigger", "occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_business_id_status_due_at",
                table: "outbox_messages",
                columns: new[] { "business_id", "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "messages_enabled_triggers",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "messages_holdout_percent",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "messages_send_from_hour",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "messages_send_until_hour",
                table: "businesses");
        }
    }
}
