using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerImportPreview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "content",
                table: "customer_imports",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "customer_imports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "imported_at",
                table: "customer_imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rejected",
                table: "customer_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "customer_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content",
                table: "customer_imports");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "customer_imports");

            migrationBuilder.DropColumn(
                name: "imported_at",
                table: "customer_imports");

            migrationBuilder.DropColumn(
                name: "rejected",
                table: "customer_imports");

            migrationBuilder.DropColumn(
                name: "status",
                table: "customer_imports");
        }
    }
}
