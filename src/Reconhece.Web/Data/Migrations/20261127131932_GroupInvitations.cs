using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occasion = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    occasion_date = table.Column<DateOnly>(type: "date", nullable: false),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    recent_days = table.Column<int>(type: "integer", nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_invitations", x => x.id);
                    table.UniqueConstraint("ak_group_invitations_business_id_id", x => new { x.business_id, x.id });
                    table.ForeignKey(
                        name: "fk_group_invitations_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_group_invitations_users_business_id_user_id",
                        columns: x => new { x.business_id, x.user_id },
                        principalTable: "users",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitation_guests",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitation_guests", x => new { x.business_id, x.invitation_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_invitation_guests_customers_business_id_customer_id",
                        columns: x => new { x.business_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitation_guests_group_invitations_business_id_invitation_",
                        columns: x => new { x.business_id, x.invitation_id },
                        principalTable: "group_invitations",
                        principalColumns: new[] { "business_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_business_id_created_at",
                table: "group_invitations",
                columns: new[] { "business_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_business_id_idempotency_key",
                table: "group_invitations",
                columns: new[] { "business_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_business_id_user_id",
                table: "group_invitations",
                columns: new[] { "business_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_guests_business_id_customer_id",
                table: "invitation_guests",
                columns: new[] { "business_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invitation_guests");

            migrationBuilder.DropTable(
                name: "group_invitations");
        }
    }
}
