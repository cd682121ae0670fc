using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TillIdentifiedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // What identified customers spent at a branch on one local day: the numerator of the share of
            // identified sales, written once for Caixa and Histórico (docs/history.md).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION till_identified(p_business uuid, p_branch uuid, p_day date, p_zone text) RETURNS numeric
                    LANGUAGE sql STABLE
                    AS $$ SELECT COALESCE(sum(amount), 0) FROM purchases
                          WHERE business_id = p_business AND branch_id = p_branch AND reversed_at IS NULL
                            AND at >= (p_day::timestamp AT TIME ZONE p_zone) AND at < ((p_day + 1)::timestamp AT TIME ZONE p_zone) $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS till_identified(uuid, uuid, date, text);");
        }
    }
}
