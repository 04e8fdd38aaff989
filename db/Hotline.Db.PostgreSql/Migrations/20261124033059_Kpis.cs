using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriorReplyLate",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PriorResponseLate",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing orders: the China day of registration, and the first dispatch from the timeline.
            migrationBuilder.Sql("""UPDATE "Tickets" SET "CreatedDay" = ("CreatedAt" AT TIME ZONE 'Asia/Shanghai')::date;""");
            migrationBuilder.Sql("""UPDATE "Tickets" SET "FirstDispatchedAt" = COALESCE((SELECT MIN(e."At") FROM "TicketTimeline" e WHERE e."TicketId" = "Tickets"."Id" AND e."Action" = 'Dispatched'), "DispatchedAt") WHERE "DispatchedAt" IS NOT NULL;""");

            migrationBuilder.CreateTable(
                name: "KpiCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Registered = table.Column<int>(type: "integer", nullable: false),
                    HotSpot = table.Column<int>(type: "integer", nullable: false),
                    Dispatched = table.Column<int>(type: "integer", nullable: false),
                    RespondedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ResponseLate = table.Column<int>(type: "integer", nullable: false),
                    Replied = table.Column<int>(type: "integer", nullable: false),
                    RepliedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ReplyLate = table.Column<int>(type: "integer", nullable: false),
                    OverdueOpen = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    BasicallySatisfied = table.Column<int>(type: "integer", nullable: false),
                    Dissatisfied = table.Column<int>(type: "integer", nullable: false),
                    Unreachable = table.Column<int>(type: "integer", nullable: false),
                    Solved = table.Column<int>(type: "integer", nullable: false)
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
