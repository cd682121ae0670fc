using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportRequestsAndTextLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_report_runs_business_id_request_key",
                table: "report_runs");

            migrationBuilder.DropColumn(
                name: "request_key",
                table: "report_runs");

            migrationBuilder.AlterColumn<string>(
                name: "sent_to",
                table: "report_runs",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_error",
                table: "report_runs",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "reports_extra_recipients",
                table: "businesses",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "old_value",
                table: "audit_entries",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "new_value",
                table: "audit_entries",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "report_requests",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    send = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_requests", x => new { x.business_id, x.key });
                    table.ForeignKey(
                        name: "fk_report_requests_report_runs_business_id_run_id",
                        columns: x => new { x.business_id, x.run_id },
                        principalTable: "report_runs",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_business_id_run_id",
                table: "report_requests",
                columns: new[] { "business_id", "run_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_requests");

            migrationBuilder.AlterColumn<string>(
                name: "sent_to",
                table: "report_runs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_error",
                table: "report_runs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "request_key",
                table: "report_runs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "reports_extra_recipients",
                table: "businesses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "old_value",
                table: "audit_entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "new_value",
                table: "audit_entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_runs_business_id_request_key",
                table: "report_runs",
                columns: new[] { "business_id", "request_key" },
                unique: true,
                filter: "request_key IS NOT NULL");
        }
    }
}
