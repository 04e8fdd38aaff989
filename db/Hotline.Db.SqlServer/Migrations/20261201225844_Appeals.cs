using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CallbackExemptedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LatenessExempted",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CallbackExempted",
                table: "KpiCounts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReplyExempted",
                table: "KpiCounts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResponseExempted",
                table: "KpiCounts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AppealPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    WindowWorkingDays = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketAppeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TicketId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VerdictAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    WindowEndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketAppeals_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AppealPolicies",
                columns: new[] { "Id", "WindowWorkingDays" },
                values: new object[] { 1, 3 });

            migrationBuilder.CreateIndex(
                name: "IX_TicketAppeals_Status_FiledAt",
                table: "TicketAppeals",
                columns: new[] { "Status", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketAppeals_TicketId",
                table: "TicketAppeals",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketAppeals_UnitId_FiledAt",
                table: "TicketAppeals",
                columns: new[] { "UnitId", "FiledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppealPolicies");

            migrationBuilder.DropTable(
                name: "TicketAppeals");

            migrationBuilder.DropColumn(
                name: "CallbackExemptedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "LatenessExempted",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CallbackExempted",
                table: "KpiCounts");

            migrationBuilder.DropColumn(
                name: "ReplyExempted",
                table: "KpiCounts");

            migrationBuilder.DropColumn(
                name: "ResponseExempted",
                table: "KpiCounts");
        }
    }
}
