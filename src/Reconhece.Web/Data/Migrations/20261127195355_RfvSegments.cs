using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfvSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "rfv_f",
                table: "customers",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "rfv_r",
                table: "customers",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "rfv_v",
                table: "customers",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "segment",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "segment_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            // Door (Tenancy/TenantDoors): the nightly RFV job lists every active business.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION door_segment_businesses() RETURNS SETOF uuid
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT id FROM businesses WHERE is_active ORDER BY id $$;
                REVOKE ALL ON FUNCTION door_segment_businesses() FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS door_segment_businesses();");
            migrationBuilder.DropColumn(
                name: "rfv_f",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rfv_r",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rfv_v",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "segment",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "segment_at",
                table: "customers");
        }
    }
}
