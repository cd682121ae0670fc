using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "history_from",
                table: "businesses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "history_through",
                table: "businesses",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "history_days",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    purchases = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    new_customers = table.Column<int>(type: "integer", nullable: false),
                    month_buyers = table.Column<int>(type: "integer", nullable: false),
                    month_returning = table.Column<int>(type: "integer", nullable: false),
                    week_buyers = table.Column<int>(type: "integer", nullable: false),
                    week_returning = table.Column<int>(type: "integer", nullable: false),
                    branch_month_buyers = table.Column<int>(type: "integer", nullable: false),
                    branch_month_returning = table.Column<int>(type: "integer", nullable: false),
                    branch_week_buyers = table.Column<int>(type: "integer", nullable: false),
                    branch_week_returning = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_days", x => new { x.business_id, x.branch_id, x.day });
                    table.ForeignKey(
                        name: "fk_history_days_branches_business_id_branch_id",
                        columns: x => new { x.business_id, x.branch_id },
                        principalTable: "branches",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_days");

            migrationBuilder.DropColumn(
                name: "history_from",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "history_through",
                table: "businesses");
        }
    }
}
