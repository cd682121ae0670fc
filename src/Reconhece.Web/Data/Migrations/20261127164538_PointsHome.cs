using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PointsHome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Eligibility, written once (Features/Points/PointsSql): a goal of 0 turns recognition off. A plain
            // SQL function, so PostgreSQL inlines it into every statement and condition that uses it.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION goal_reached(balance numeric, goal numeric) RETURNS boolean
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT goal > 0 AND balance >= goal $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS goal_reached(numeric, numeric);");
        }
    }
}
