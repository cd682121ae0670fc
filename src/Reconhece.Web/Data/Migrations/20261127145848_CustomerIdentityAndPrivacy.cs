using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerIdentityAndPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "anonymized_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "privacy_page_text",
                table: "businesses",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "privacy_retention_years",
                table: "businesses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "privacy_slug",
                table: "businesses",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "blocked_phones",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    blocked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blocked_phones", x => new { x.business_id, x.phone_hash });
                    table.ForeignKey(
                        name: "fk_blocked_phones_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_aliases",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_aliases", x => new { x.business_id, x.phone });
                    table.ForeignKey(
                        name: "fk_customer_aliases_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_imports_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "privacy_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    right = table.Column<int>(type: "integer", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_privacy_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_privacy_requests_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_privacy_requests_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_businesses_privacy_slug",
                table: "businesses",
                column: "privacy_slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_blocked_phones_business_id_user_id",
                table: "blocked_phones",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_aliases_business_id_customer_id",
                table: "customer_aliases",
                columns: new[] { "business_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_imports_business_id_file_hash",
                table: "customer_imports",
                columns: new[] { "business_id", "file_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_imports_business_id_user_id",
                table: "customer_imports",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_business_id_answered_at_due_on",
                table: "privacy_requests",
                columns: new[] { "business_id", "answered_at", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_business_id_customer_id",
                table: "privacy_requests",
                columns: new[] { "business_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_business_id_idempotency_key",
                table: "privacy_requests",
                columns: new[] { "business_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_privacy_requests_business_id_user_id",
                table: "privacy_requests",
                columns: new[] { "business_id", "user_id" });

            // Every business gets its public page's address from its name ("Sorveteria Bella" → sorveteria-bella);
            // a name taken twice gets -2, -3. New businesses get theirs at sign-up (BusinessSlug).
            migrationBuilder.Sql("""
                WITH base AS (
                    SELECT id, COALESCE(NULLIF(left(trim(both '-' from regexp_replace(lower(translate(name,
                               'áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn')),
                               '[^a-z0-9]+', '-', 'g')), 50), ''), 'loja') AS slug
                    FROM businesses),
                numbered AS (SELECT id, slug, row_number() OVER (PARTITION BY slug ORDER BY id) AS n FROM base)
                UPDATE businesses b SET privacy_slug = CASE WHEN n.n = 1 THEN n.slug ELSE n.slug || '-' || n.n END
                FROM numbered n WHERE n.id = b.id;
                """);

            // Doors (Tenancy/TenantDoors): the public page finds its business by address, before any sign-in;
            // the daily retention job lists the businesses that turned retention on.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_business_by_slug(p_slug text) RETURNS uuid
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT id FROM businesses WHERE privacy_slug = p_slug AND is_active $$;
                REVOKE ALL ON FUNCTION door_business_by_slug(text) FROM PUBLIC;
                CREATE OR REPLACE FUNCTION door_retention_businesses() RETURNS TABLE (business_id uuid, years integer)
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT id, privacy_retention_years FROM businesses WHERE privacy_retention_years IS NOT NULL AND is_active ORDER BY id $$;
                REVOKE ALL ON FUNCTION door_retention_businesses() FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS door_business_by_slug(text); DROP FUNCTION IF EXISTS door_retention_businesses();");
            migrationBuilder.DropTable(
                name: "blocked_phones");

            migrationBuilder.DropTable(
                name: "customer_aliases");

            migrationBuilder.DropTable(
                name: "customer_imports");

            migrationBuilder.DropTable(
                name: "privacy_requests");

            migrationBuilder.DropIndex(
                name: "ix_businesses_privacy_slug",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "anonymized_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "privacy_page_text",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "privacy_retention_years",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "privacy_slug",
                table: "businesses");
        }
    }
}
