using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppTemplatesTableName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_whats_app_templates_businesses_business_id",
                table: "whats_app_templates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_whats_app_templates",
                table: "whats_app_templates");

            migrationBuilder.RenameTable(
                name: "whats_app_templates",
                newName: "whatsapp_templates");

            migrationBuilder.AddPrimaryKey(
                name: "pk_whatsapp_templates",
                table: "whatsapp_templates",
                columns: new[] { "business_id", "trigger" });

            migrationBuilder.AddForeignKey(
                name: "fk_whatsapp_templates_businesses_business_id",
                table: "whatsapp_templates",
                column: "business_id",
                principalTable: "businesses",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_whatsapp_templates_businesses_business_id",
                table: "whatsapp_templates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_whatsapp_templates",
                table: "whatsapp_templates");

            migrationBuilder.RenameTable(
                name: "whatsapp_templates",
                newName: "whats_app_templates");

            migrationBuilder.AddPrimaryKey(
                name: "pk_whats_app_templates",
                table: "whats_app_templates",
                columns: new[] { "business_id", "trigger" });

            migrationBuilder.AddForeignKey(
                name: "fk_whats_app_templates_businesses_business_id",
                table: "whats_app_templates",
                column: "business_id",
                principalTable: "businesses",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
