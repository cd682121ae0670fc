using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpiryPromise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "points_expiry_since",
                table: "loyalty_programs",
                type: "timestamp with time zone",
                nullable: true);
            // expiring_points renamed its parameter and output column (counted from, not earned at): CREATE OR
            // REPLACE cannot, so the old one goes first and migrate's function files make the new one (ADR 008).
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS expiring_points(uuid, timestamptz, uuid);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "points_expiry_since",
                table: "loyalty_programs");
        }
    }
}
