using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PromotionsAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "bonus_points",
                table: "purchases",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "no_earn_reason",
                table: "purchases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "promotion_id",
                table: "purchases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_earning_purchases_per_day",
                table: "loyalty_programs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "max_points_per_purchase",
                table: "loyalty_programs",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "min_earning_amount",
                table: "loyalty_programs",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "points_expiry_months",
                table: "loyalty_programs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "reward_value",
                table: "loyalty_programs",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "earn_day",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "earn_day_count",
                table: "customers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "last_purchase_earned",
                table: "customers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "promotions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    weekdays = table.Column<int>(type: "integer", nullable: false),
                    branch_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: true),
                    benefit = table.Column<int>(type: "integer", nullable: false),
                    benefit_value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    above_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    step_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    min_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    min_quantity = table.Column<int>(type: "integer", nullable: true),
                    max_uses_per_customer = table.Column<int>(type: "integer", nullable: true),
                    max_uses_per_day = table.Column<int>(type: "integer", nullable: true),
                    budget_points = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    bonus_granted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    owner_cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    audience_value = table.Column<int>(type: "integer", nullable: true),
                    control_percent = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stopped_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions", x => x.id);
                    table.UniqueConstraint("ak_promotions_business_id_id", x => new { x.business_id, x.id });
                    table.ForeignKey(
                        name: "fk_promotions_users_business_id_created_by_user_id",
                        columns: x => new { x.business_id, x.created_by_user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "promotion_members",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_control = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotion_members", x => new { x.business_id, x.promotion_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_promotion_members_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_promotion_members_promotions_business_id_promotion_id",
                        columns: x => new { x.business_id, x.promotion_id },
                        principalTable: "promotions",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_promotion_id",
                table: "purchases",
                columns: new[] { "business_id", "promotion_id" },
                filter: "promotion_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_members_business_id_customer_id",
                table: "promotion_members",
                columns: new[] { "business_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_business_id_created_by_user_id",
                table: "promotions",
                columns: new[] { "business_id", "created_by_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_business_id_ends_at",
                table: "promotions",
                columns: new[] { "business_id", "ends_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_promotions_business_id_promotion_id",
                table: "purchases",
                columns: new[] { "business_id", "promotion_id" },
                principalTable: "promotions",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            // The daily earning limit (Features/Points/Sql/purchase.sql): may one more purchase earn today? The
            // customer row keeps the day and its count, so the check reads the row the upsert has locked.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION earns_today(day date, day_count integer, today date, max_per_day integer) RETURNS boolean
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT max_per_day IS NULL OR (CASE WHEN day = today THEN day_count ELSE 0 END) < max_per_day $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS earns_today(date, integer, date, integer);");
            migrationBuilder.DropForeignKey(
                name: "fk_purchases_promotions_business_id_promotion_id",
                table: "purchases");

            migrationBuilder.DropTable(
                name: "promotion_members");

            migrationBuilder.DropTable(
                name: "promotions");

            migrationBuilder.DropIndex(
                name: "ix_purchases_business_id_promotion_id",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "bonus_points",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "no_earn_reason",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "promotion_id",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "max_earning_purchases_per_day",
                table: "loyalty_programs");

            migrationBuilder.DropColumn(
                name: "max_points_per_purchase",
                table: "loyalty_programs");

            migrationBuilder.DropColumn(
                name: "min_earning_amount",
                table: "loyalty_programs");

            migrationBuilder.DropColumn(
                name: "points_expiry_months",
                table: "loyalty_programs");

            migrationBuilder.DropColumn(
                name: "reward_value",
                table: "loyalty_programs");

            migrationBuilder.DropColumn(
                name: "earn_day",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "earn_day_count",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "last_purchase_earned",
                table: "customers");
        }
    }
}
