using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Kpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CreatedDay",
                table: "Tickets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstDispatchedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriorReplyLate",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PriorResponseLate",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Existing orders: the China day of registration, and the first dispatch from the timeline.
            migrationBuilder.Sql("UPDATE [Tickets] SET [CreatedDay] = CAST(SWITCHOFFSET([CreatedAt], '+08:00') AS date);");
            migrationBuilder.Sql("UPDATE [Tickets] SET [FirstDispatchedAt] = COALESCE((SELECT MIN(e.[At]) FROM [TicketTimeline] e WHERE e.[TicketId] = [Tickets].[Id] AND e.[Action] = 'Dispatched'), [DispatchedAt]) WHERE [DispatchedAt] IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "KpiCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Dimension = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Registered = table.Column<int>(type: "int", nullable: false),
                    HotSpot = table.Column<int>(type: "int", nullable: false),
                    Dispatched = table.Column<int>(type: "int", nullable: false),
                    RespondedOnTime = table.Column<int>(type: "int", nullable: false),
                    ResponseLate = table.Column<int>(type: "int", nullable: false),
                    Replied = table.Column<int>(type: "int", nullable: false),
                    RepliedOnTime = table.Column<int>(type: "int", nullable: false),
                    ReplyLate = table.Column<int>(type: "int", nullable: false),
                    OverdueOpen = table.Column<int>(type: "int", nullable: false),
                    Satisfied = table.Column<int>(type: "int", nullable: false),
                    BasicallySatisfied = table.Column<int>(type: "int", nullable: false),
                    Dissatisfied = table.Column<int>(type: "int", nullable: false),
                    Unreachable = table.Column<int>(type: "int", nullable: false),
                    Solved = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiCounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TicketTimeline_Action_At",
                table: "TicketTimeline",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CallbackAt_LeadUnitId",
                table: "Tickets",
                columns: new[] { "CallbackAt", "LeadUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CreatedDay_CategoryCode",
                table: "Tickets",
                columns: new[] { "CreatedDay", "CategoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstDispatchedAt_LeadUnitId",
                table: "Tickets",
                columns: new[] { "FirstDispatchedAt", "LeadUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiCounts_Dimension_Day_Key_HotSpot_Registered",
                table: "KpiCounts",
                columns: new[] { "Dimension", "Day", "Key", "HotSpot", "Registered" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiCounts");

            migrationBuilder.DropIndex(
                name: "IX_TicketTimeline_Action_At",
                table: "TicketTimeline");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CallbackAt_LeadUnitId",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CreatedDay_CategoryCode",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstDispatchedAt_LeadUnitId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CreatedDay",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstDispatchedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PriorReplyLate",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PriorResponseLate",
                table: "Tickets");
        }
    }
}
