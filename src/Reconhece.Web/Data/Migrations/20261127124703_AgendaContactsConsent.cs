using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaContactsConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "agenda_snoozed_until",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "contact_opt_out_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "last_branch_id",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "rhythm_days",
                table: "customers",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rhythm_visits",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agenda_birthday_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "agenda_conversion_days",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "14");

            migrationBuilder.AddColumn<string>(
                name: "agenda_fading_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agenda_goal_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agenda_group_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "agenda_near_goal_percent",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "80");

            migrationBuilder.AddColumn<string>(
                name: "agenda_near_goal_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agenda_new_template",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "agenda_staff_sees_agenda",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Where each existing customer last bought (staff see their branch's customers in the agenda).
            migrationBuilder.Sql("""
                UPDATE customers c SET last_branch_id = (
                    SELECT p.branch_id FROM purchases p
                    WHERE p.business_id = c.business_id AND p.customer_id = c.id AND p.reversed_at IS NULL
                    ORDER BY p.at DESC LIMIT 1)
                WHERE c.last_purchase_at IS NOT NULL;
                """);

            migrationBuilder.CreateTable(
                name: "consent_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opted_out = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    how = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_consent_events_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consent_events_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contacts_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_events_business_id_customer_id_at",
                table: "consent_events",
                columns: new[] { "business_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_events_business_id_user_id",
                table: "consent_events",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_business_id_at",
                table: "contacts",
                columns: new[] { "business_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_business_id_customer_id_at",
                table: "contacts",
                columns: new[] { "business_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_business_id_idempotency_key",
                table: "contacts",
                columns: new[] { "business_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_business_id_user_id",
                table: "contacts",
                columns: new[] { "business_id", "user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_events");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropColumn(
                name: "agenda_snoozed_until",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "contact_opt_out_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "last_branch_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rhythm_days",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rhythm_visits",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "agenda_birthday_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_conversion_days",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_fading_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_goal_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_group_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_near_goal_percent",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_near_goal_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_new_template",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "agenda_staff_sees_agenda",
                table: "businesses");
        }
    }
}
