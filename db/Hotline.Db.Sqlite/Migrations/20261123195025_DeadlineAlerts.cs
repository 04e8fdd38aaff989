using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertsRaised",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ContactWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAlertAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplyStartedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplyWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "WarningShare",
                table: "Tickets",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "TicketAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketAlerts_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_NextAlertAt",
                table: "Tickets",
                column: "NextAlertAt");

            migrationBuilder.CreateIndex(
                name: "IX_TicketAlerts_RaisedAt",
                table: "TicketAlerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TicketAlerts_TicketId_Stage_Kind_DueAt",
                table: "TicketAlerts",
                columns: new[] { "TicketId", "Stage", "Kind", "DueAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_NextAlertAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AcceptWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AlertsRaised",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ContactWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "NextAlertAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReplyStartedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReplyWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "WarningShare",
                table: "Tickets");
        }
    }
}
