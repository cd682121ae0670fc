using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoreLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    old_value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    new_value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    balance = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    lifetime_points = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    lifetime_spend = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    visits = table.Column<int>(type: "integer", nullable: false),
                    first_purchase_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_purchase_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    eligible_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    first_branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_programs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_kind = table.Column<int>(type: "integer", nullable: false),
                    value_per_point = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    rounding = table.Column<int>(type: "integer", nullable: false),
                    unit_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    points_per_unit = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    goal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recognition_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inactivity_days = table.Column<int>(type: "integer", nullable: false),
                    collect_name = table.Column<bool>(type: "boolean", nullable: false),
                    collect_email = table.Column<bool>(type: "boolean", nullable: false),
                    collect_birth_date = table.Column<bool>(type: "boolean", nullable: false),
                    invitation_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_programs", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_programs_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    balance_after = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recognition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_entries_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: true),
                    points = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: false),
                    was_new_customer = table.Column<bool>(type: "boolean", nullable: false),
                    reversed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reversed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reversal_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchases", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchases_branches_branch_id",
                        column: x => x.branch_id,
                        principalTable: "branches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchases_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchases_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    points_debited = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recognitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_recognitions_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recognitions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_business_id_at",
                table: "audit_entries",
                columns: new[] { "business_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_business_id_eligible_since",
                table: "customers",
                columns: new[] { "business_id", "eligible_since" },
                filter: "eligible_since IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_business_id_first_purchase_at",
                table: "customers",
                columns: new[] { "business_id", "first_purchase_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_business_id_last_purchase_at",
                table: "customers",
                columns: new[] { "business_id", "last_purchase_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_business_id_lifetime_points",
                table: "customers",
                columns: new[] { "business_id", "lifetime_points" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_business_id_phone",
                table: "customers",
                columns: new[] { "business_id", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_business_id_customer_id_id",
                table: "ledger_entries",
                columns: new[] { "business_id", "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_business_id_idempotency_key",
                table: "ledger_entries",
                columns: new[] { "business_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_customer_id",
                table: "ledger_entries",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_programs_business_id",
                table: "loyalty_programs",
                column: "business_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_branch_id",
                table: "purchases",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_at",
                table: "purchases",
                columns: new[] { "business_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_customer_id_at",
                table: "purchases",
                columns: new[] { "business_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_idempotency_key",
                table: "purchases",
                columns: new[] { "business_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_customer_id",
                table: "purchases",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_user_id",
                table: "purchases",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_business_id_at",
                table: "recognitions",
                columns: new[] { "business_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_business_id_customer_id_at",
                table: "recognitions",
                columns: new[] { "business_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_customer_id",
                table: "recognitions",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_user_id",
                table: "recognitions",
                column: "user_id");

            // Businesses that signed up before the program existed get one with the defaults.
            migrationBuilder.Sql("""
                INSERT INTO loyalty_programs (id, business_id, rule_kind, value_per_point, rounding, points_per_unit, goal,
                    recognition_text, inactivity_days, collect_name, collect_email, collect_birth_date, invitation_message)
                SELECT gen_random_uuid(), b.id, 0, 1.00, 0, 1, 500, 'um brinde especial', 30, true, false, false,
                    'Olá, {nome}! Aqui é da {negocio}. Você é um dos nossos clientes especiais e queremos te agradecer: {reconhecimento}. Passe aqui para receber!'
                FROM businesses b WHERE NOT EXISTS (SELECT 1 FROM loyalty_programs p WHERE p.business_id = b.id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "loyalty_programs");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropTable(
                name: "recognitions");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
