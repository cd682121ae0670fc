using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing businesses get the defaults of ReportSettings: Monday 07:00, A 80%, B 95%, email on.
            migrationBuilder.AddColumn<int>(
                name: "reports_class_a_percent",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.AddColumn<int>(
                name: "reports_class_b_percent",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValue: 95);

            migrationBuilder.AddColumn<string>(
                name: "reports_extra_recipients",
                table: "businesses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "reports_hour",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "reports_weekday",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "reports_weekly_email",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "report_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    is_weekly = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    built_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sent_to = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_key = table.Column<Guid>(type: "uuid", nullable: true),
                    new_customers = table.Column<int>(type: "integer", nullable: false),
                    eligible_customers = table.Column<int>(type: "integer", nullable: false),
                    inactive_customers = table.Column<int>(type: "integer", nullable: false),
                    top_customer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_runs_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    pages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_files_report_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "report_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { new Guid("6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a03"), "platform-admin-role", "Plataforma", "PLATAFORMA" });

            migrationBuilder.CreateIndex(
                name: "ix_report_files_business_id_run_id_kind",
                table: "report_files",
                columns: new[] { "business_id", "run_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_files_run_id",
                table: "report_files",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_runs_business_id_created_at",
                table: "report_runs",
                columns: new[] { "business_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_runs_business_id_request_key",
                table: "report_runs",
                columns: new[] { "business_id", "request_key" },
                unique: true,
                filter: "request_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_report_runs_business_id_week_start",
                table: "report_runs",
                columns: new[] { "business_id", "week_start" },
                unique: true,
                filter: "is_weekly");

            migrationBuilder.CreateIndex(
                name: "ix_report_runs_next_attempt_at",
                table: "report_runs",
                column: "next_attempt_at",
                filter: "status <> 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_files");

            migrationBuilder.DropTable(
                name: "report_runs");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: new Guid("6f1c0c52-6a43-4b8e-9d43-3a1f2f0b0a03"));

            migrationBuilder.DropColumn(
                name: "reports_class_a_percent",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "reports_class_b_percent",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "reports_extra_recipients",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "reports_hour",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "reports_weekday",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "reports_weekly_email",
                table: "businesses");
        }
    }
}
