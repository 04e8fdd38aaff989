using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcceptWarnAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AlertsRaised",
                table: "Tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContactWarnAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAlertAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplyStartedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplyWarnAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "WarningShare",
                table: "Tickets",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "TicketAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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
