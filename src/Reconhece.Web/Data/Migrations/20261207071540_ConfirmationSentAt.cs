using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmationSentAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "confirmation_sent_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmation_sent_at",
                table: "users");
        }
    }
}
