using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AssessmentPending",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AssessmentRequestedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssessmentRequestedBy",
                table: "Tickets",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FlaggedHard",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FlaggedTypical",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "InstructionCount",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastInstructedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SplitFromTicketId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TicketInstructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReplyDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
