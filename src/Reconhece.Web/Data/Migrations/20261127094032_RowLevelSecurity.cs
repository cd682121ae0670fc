using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RowLevelSecurity : Migration
    {
        // Written here, not referenced from code, so this migration stays what it was when it ran.
        /// <summary>Functions created by the migration (the procedure the app calls, the policy's reader and the doors).</summary>
        internal const string Functions = """
            CREATE OR REPLACE FUNCTION current_business() RETURNS uuid
                LANGUAGE sql STABLE PARALLEL SAFE
                AS $$ SELECT NULLIF(current_setting('app.business_id', true), '')::uuid $$;

            CREATE OR REPLACE PROCEDURE use_business(b uuid)
                LANGUAGE plpgsql
                AS $$ BEGIN PERFORM set_config('app.business_id', COALESCE(b::text, ''), true); END $$;

            CREATE OR REPLACE FUNCTION door_find_user(p_normalized_email text, p_user_id uuid)
                RETURNS TABLE (user_id uuid, business_id uuid)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT u.id, u.business_id FROM users u
                      WHERE (p_normalized_email IS NOT NULL AND (u.normalized_email = p_normalized_email OR u.normalized_user_name = p_normalized_email))
                         OR u.id = p_user_id
                      LIMIT 1 $$;

            CREATE OR REPLACE FUNCTION door_weekly_report_businesses()
                RETURNS TABLE (id uuid, time_zone_id text, created_at timestamptz, weekday int, hour int, last_week date)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT b.id, b.time_zone_id, b.created_at, b.reports_weekday, b.reports_hour,
                             (SELECT max(r.week_start) FROM report_runs r WHERE r.business_id = b.id AND r.is_weekly)
                      FROM businesses b WHERE b.is_active AND b.reports_weekly_email $$;

            CREATE OR REPLACE FUNCTION door_claim_report_retries(p_now timestamptz, p_lease_until timestamptz)
                RETURNS TABLE (business_id uuid, run_id uuid)
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ UPDATE report_runs r SET next_attempt_at = p_lease_until
                      FROM businesses b
                      WHERE b.id = r.business_id AND b.is_active AND r.status <> 2 AND r.next_attempt_at <= p_now
                      RETURNING r.business_id, r.id $$;

            CREATE OR REPLACE FUNCTION door_purge_report_files(p_before timestamptz) RETURNS integer
                LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ WITH d AS (DELETE FROM report_files f USING report_runs r
                                 WHERE r.id = f.run_id AND r.business_id = f.business_id AND r.created_at < p_before
                                 RETURNING 1)
                      SELECT count(*)::int FROM d $$;

            REVOKE ALL ON FUNCTION door_find_user(text, uuid), door_weekly_report_businesses(),
                door_claim_report_retries(timestamptz, timestamptz), door_purge_report_files(timestamptz) FROM PUBLIC;

            ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
            ALTER TABLE businesses FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant ON businesses;
            CREATE POLICY tenant ON businesses USING (id = current_business()) WITH CHECK (id = current_business());
            """;

        internal const string DropFunctions = """
            DO $down$
            DECLARE t record;
            BEGIN
              FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant' LOOP
                EXECUTE format('DROP POLICY tenant ON %I', t.tablename);
                EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t.tablename);
                EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t.tablename);
              END LOOP;
            END
            $down$;
            DROP FUNCTION IF EXISTS door_purge_report_files(timestamptz);
            DROP FUNCTION IF EXISTS door_claim_report_retries(timestamptz, timestamptz);
            DROP FUNCTION IF EXISTS door_weekly_report_businesses();
            DROP FUNCTION IF EXISTS door_find_user(text, uuid);
            DROP PROCEDURE IF EXISTS use_business(uuid);
            DROP FUNCTION IF EXISTS current_business();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_customers_customer_id",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_branches_branch_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_customers_customer_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_users_user_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_recognitions_customers_customer_id",
                table: "recognitions");

            migrationBuilder.DropForeignKey(
                name: "fk_recognitions_users_user_id",
                table: "recognitions");

            migrationBuilder.DropForeignKey(
                name: "fk_report_files_report_runs_run_id",
                table: "report_files");

            migrationBuilder.DropForeignKey(
                name: "fk_users_branches_branch_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_branch_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_report_files_run_id",
                table: "report_files");

            migrationBuilder.DropIndex(
                name: "ix_recognitions_customer_id",
                table: "recognitions");

            migrationBuilder.DropIndex(
                name: "ix_recognitions_user_id",
                table: "recognitions");

            migrationBuilder.DropIndex(
                name: "ix_purchases_branch_id",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_purchases_customer_id",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_purchases_user_id",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_customer_id",
                table: "ledger_entries");

            migrationBuilder.AddUniqueConstraint(
                name: "ak_users_business_id_id",
                table: "users",
                columns: new[] { "business_id", "id" });

            migrationBuilder.AddUniqueConstraint(
                name: "ak_report_runs_business_id_id",
                table: "report_runs",
                columns: new[] { "business_id", "id" });

            migrationBuilder.AddUniqueConstraint(
                name: "ak_customers_business_id_id",
                table: "customers",
                columns: new[] { "business_id", "id" });

            migrationBuilder.AddUniqueConstraint(
                name: "ak_branches_business_id_id",
                table: "branches",
                columns: new[] { "business_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_users_business_id_branch_id",
                table: "users",
                columns: new[] { "business_id", "branch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_business_id_user_id",
                table: "recognitions",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_branch_id",
                table: "purchases",
                columns: new[] { "business_id", "branch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_business_id_user_id",
                table: "purchases",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_customers_business_id_customer_id",
                table: "ledger_entries",
                columns: new[] { "business_id", "customer_id" },
                principalTable: "customers",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_branches_business_id_branch_id",
                table: "purchases",
                columns: new[] { "business_id", "branch_id" },
                principalTable: "branches",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_customers_business_id_customer_id",
                table: "purchases",
                columns: new[] { "business_id", "customer_id" },
                principalTable: "customers",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_users_business_id_user_id",
                table: "purchases",
                columns: new[] { "business_id", "user_id" },
                principalTable: "users",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_recognitions_customers_business_id_customer_id",
                table: "recognitions",
                columns: new[] { "business_id", "customer_id" },
                principalTable: "customers",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_recognitions_users_business_id_user_id",
                table: "recognitions",
                columns: new[] { "business_id", "user_id" },
                principalTable: "users",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_report_files_report_runs_business_id_run_id",
                table: "report_files",
                columns: new[] { "business_id", "run_id" },
                principalTable: "report_runs",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_users_branches_business_id_branch_id",
                table: "users",
                columns: new[] { "business_id", "branch_id" },
                principalTable: "branches",
                principalColumns: new[] { "business_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql(Functions);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropFunctions);

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_customers_business_id_customer_id",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_branches_business_id_branch_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_customers_business_id_customer_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_purchases_users_business_id_user_id",
                table: "purchases");

            migrationBuilder.DropForeignKey(
                name: "fk_recognitions_customers_business_id_customer_id",
                table: "recognitions");

            migrationBuilder.DropForeignKey(
                name: "fk_recognitions_users_business_id_user_id",
                table: "recognitions");

            migrationBuilder.DropForeignKey(
                name: "fk_report_files_report_runs_business_id_run_id",
                table: "report_files");

            migrationBuilder.DropForeignKey(
                name: "fk_users_branches_business_id_branch_id",
                table: "users");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_users_business_id_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_business_id_branch_id",
                table: "users");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_report_runs_business_id_id",
                table: "report_runs");

            migrationBuilder.DropIndex(
                name: "ix_recognitions_business_id_user_id",
                table: "recognitions");

            migrationBuilder.DropIndex(
                name: "ix_purchases_business_id_branch_id",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_purchases_business_id_user_id",
                table: "purchases");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_customers_business_id_id",
                table: "customers");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_branches_business_id_id",
                table: "branches");

            migrationBuilder.CreateIndex(
                name: "ix_users_branch_id",
                table: "users",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_files_run_id",
                table: "report_files",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_customer_id",
                table: "recognitions",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_recognitions_user_id",
                table: "recognitions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_branch_id",
                table: "purchases",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_customer_id",
                table: "purchases",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_user_id",
                table: "purchases",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_customer_id",
                table: "ledger_entries",
                column: "customer_id");

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_customers_customer_id",
                table: "ledger_entries",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_branches_branch_id",
                table: "purchases",
                column: "branch_id",
                principalTable: "branches",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_customers_customer_id",
                table: "purchases",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_purchases_users_user_id",
                table: "purchases",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_recognitions_customers_customer_id",
                table: "recognitions",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_recognitions_users_user_id",
                table: "recognitions",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_report_files_report_runs_run_id",
                table: "report_files",
                column: "run_id",
                principalTable: "report_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_users_branches_branch_id",
                table: "users",
                column: "branch_id",
                principalTable: "branches",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
