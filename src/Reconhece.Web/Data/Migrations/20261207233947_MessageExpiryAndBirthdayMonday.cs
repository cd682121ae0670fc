using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageExpiryAndBirthdayMonday : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "messages_birthday_on_monday",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "messages_expiring_days_before",
                table: "businesses",
                type: "integer",
                nullable: false,
                defaultValueSql: "7");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "messages_birthday_on_monday",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "messages_expiring_days_before",
                table: "businesses");
        }
    }
}
