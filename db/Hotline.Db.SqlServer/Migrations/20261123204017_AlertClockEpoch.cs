using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AlertClockEpoch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketAlerts_TicketId_Stage_Kind_DueAt",
                table: "TicketAlerts");

            migrationBuilder.AddColumn<int>(
                name: "ClockEpoch",
                table: "Tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ClockEpoch",
                table: "TicketAlerts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LeadUnitId_CreatedAt",
                table: "Tickets",
                columns: new[] { "LeadUnitId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_RepliedAt",
                table: "Tickets",
                columns: new[] { "Status", "RepliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketAlerts_TicketId_Stage_Kind_DueAt_ClockEpoch",
                table: "TicketAlerts",
                columns: new[] { "TicketId", "Stage", "Kind", "DueAt", "ClockEpoch" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_LeadUnitId_CreatedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_RepliedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_TicketAlerts_TicketId_Stage_Kind_DueAt_ClockEpoch",
                table: "TicketAlerts");

            migrationBuilder.DropColumn(
                name: "ClockEpoch",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ClockEpoch",
                table: "TicketAlerts");

            migrationBuilder.CreateIndex(
                name: "IX_TicketAlerts_TicketId_Stage_Kind_DueAt",
                table: "TicketAlerts",
                columns: new[] { "TicketId", "Stage", "Kind", "DueAt" },
                unique: true);
        }
    }
}
