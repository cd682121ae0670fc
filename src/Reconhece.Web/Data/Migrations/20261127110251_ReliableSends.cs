using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReliableSends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dispatcher never waits behind a run being sent (SKIP LOCKED), and stops re-enqueueing a run at its cap.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_claim_report_retries(p_now timestamptz, p_lease_until timestamptz)
                    RETURNS TABLE (business_id uuid, run_id uuid)
                    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ UPDATE report_runs r SET next_attempt_at = p_lease_until
                          FROM businesses b
                          WHERE r.id IN (SELECT d.id FROM report_runs d
                                         WHERE d.status <> 2 AND d.next_attempt_at <= p_now AND d.attempts < 24
                                         FOR UPDATE SKIP LOCKED)
                            AND b.id = r.business_id AND b.is_active
                          RETURNING r.business_id, r.id $$;

                CREATE OR REPLACE FUNCTION door_stuck_report_runs()
                    RETURNS TABLE (business_id uuid, business_name text, run_id uuid, week_start date, attempts int, status int,
                                   last_error text, created_at timestamptz)
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT b.id, b.name, r.id, r.week_start, r.attempts, r.status, r.last_error, r.created_at
                          FROM report_runs r JOIN businesses b ON b.id = r.business_id
                          WHERE r.status <> 2 AND r.attempts >= 24
                          ORDER BY r.created_at DESC LIMIT 200 $$;
                REVOKE ALL ON FUNCTION door_stuck_report_runs() FROM PUBLIC;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "lease_id",
                table: "report_runs",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS door_stuck_report_runs();");

            migrationBuilder.DropColumn(
                name: "lease_id",
                table: "report_runs");
        }
    }
}
