using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TillTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "till_totals",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_till_totals", x => new { x.business_id, x.branch_id, x.day });
                    table.ForeignKey(
                        name: "fk_till_totals_branches_business_id_branch_id",
                        columns: x => new { x.business_id, x.branch_id },
                        principalTable: "branches",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_till_totals_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_till_totals_business_id_user_id",
                table: "till_totals",
                columns: new[] { "business_id", "user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "till_totals");
        }
    }
}
