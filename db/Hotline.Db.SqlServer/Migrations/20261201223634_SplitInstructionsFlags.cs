using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SplitInstructionsFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssessmentNote",
                table: "Tickets",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AssessmentPending",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssessmentRequestedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssessmentRequestedBy",
                table: "Tickets",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FlaggedHard",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FlaggedTypical",
                table: "Tickets",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "InstructionCount",
                table: "Tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastInstructedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SplitFromTicketId",
                table: "Tickets",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TicketInstructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReplyDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnteredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketInstructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketInstructions_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssessmentPending_Status",
                table: "Tickets",
                columns: new[] { "AssessmentPending", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_InstructionCount_Status",
                table: "Tickets",
                columns: new[] { "InstructionCount", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SplitFromTicketId",
                table: "Tickets",
                column: "SplitFromTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketInstructions_TicketId",
                table: "TicketInstructions",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketInstructions");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssessmentPending_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_InstructionCount_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SplitFromTicketId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssessmentNote",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssessmentPending",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssessmentRequestedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssessmentRequestedBy",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FlaggedHard",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FlaggedTypical",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "InstructionCount",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "LastInstructedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SplitFromTicketId",
                table: "Tickets");
        }
    }
}
