using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AutomaticMessagesWhatsApp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "channel",
                table: "outbox_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "delivered_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "error_code",
                table: "outbox_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_id",
                table: "outbox_messages",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "read_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "contacts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "messages_daily_limit",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "200");

            migrationBuilder.AddColumn<DateTime>(
                name: "whatsapp_paused_at",
                table: "businesses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "whatsapp_phone_number_id",
                table: "businesses",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "whatsapp_price_per_message",
                table: "businesses",
                type: "numeric(10,4)",
                precision: 10,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "whatsapp_protected_token",
                table: "businesses",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "whats_app_templates",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    language = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    parameters = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whats_app_templates", x => new { x.business_id, x.trigger });
                    table.ForeignKey(
                        name: "fk_whats_app_templates_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_business_id_provider_id",
                table: "outbox_messages",
                columns: new[] { "business_id", "provider_id" });

            migrationBuilder.CreateIndex(
                name: "ix_businesses_whatsapp_phone_number_id",
                table: "businesses",
                column: "whatsapp_phone_number_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "whats_app_templates");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_business_id_provider_id",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_businesses_whatsapp_phone_number_id",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "delivered_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "error_code",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "provider_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "read_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "messages_daily_limit",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "whatsapp_paused_at",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "whatsapp_phone_number_id",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "whatsapp_price_per_message",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "whatsapp_protected_token",
                table: "businesses");

            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "contacts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
