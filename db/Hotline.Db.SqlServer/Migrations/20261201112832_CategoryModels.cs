using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CategoryModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Tickets",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FormatVersion = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TrainingLock = table.Column<bool>(type: "bit", nullable: true),
                    RequestedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Samples = table.Column<int>(type: "int", nullable: false),
                    TestSamples = table.Column<int>(type: "int", nullable: false),
                    EvaluationJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    MacroF1 = table.Column<double>(type: "float", nullable: true),
                    Bytes = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ActivationNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CategorySuggestions",
                columns: table => new
                {
                    TicketId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SuggestedCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ChosenCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategorySuggestions", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_CategorySuggestions_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ExternalId",
                table: "Tickets",
                column: "ExternalId",
                unique: true,
                filter: "[ExternalId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryModels_Active",
                table: "CategoryModels",
                column: "Active");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryModels_TrainingLock",
                table: "CategoryModels",
                column: "TrainingLock",
                unique: true,
                filter: "[TrainingLock] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryModels_Version",
                table: "CategoryModels",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategorySuggestions_Day",
                table: "CategorySuggestions",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CategoryModels");

            migrationBuilder.DropTable(
                name: "CategorySuggestions");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ExternalId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Tickets");
        }
    }
}
