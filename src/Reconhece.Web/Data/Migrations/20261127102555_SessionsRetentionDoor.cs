using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <summary>The retention door for server-side sessions (Tenancy/TenantDoors, Identity/PurgeExpiredSessions).</summary>
    public partial class SessionsRetentionDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_purge_expired_sessions(p_before timestamptz) RETURNS integer
                    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ WITH d AS (DELETE FROM auth_sessions WHERE expires_at < p_before RETURNING 1)
                          SELECT count(*)::int FROM d $$;
                REVOKE ALL ON FUNCTION door_purge_expired_sessions(timestamptz) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS door_purge_expired_sessions(timestamptz);");
        }
    }
}
