using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hotline.Db.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewAndSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Tickets",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewStatus",
                table: "Tickets",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "NotRequired");

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Tickets",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedSince",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedTotal",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedUntil",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Tickets",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspensionRequestedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionStatus",
                table: "Tickets",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "WorkingDayStages",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Orders already running: their clocks count in the unit their tier's SLA limits use now (the best record there is).
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"WorkingDayStages\" = COALESCE((SELECT (CASE WHEN p.\"AcceptUnit\" = 'WorkingDays' THEN 1 ELSE 0 END) + (CASE WHEN p.\"ContactUnit\" = 'WorkingDays' THEN 2 ELSE 0 END) + (CASE WHEN p.\"ReplyUnit\" = 'WorkingDays' THEN 4 ELSE 0 END) FROM \"SlaPolicies\" p WHERE p.\"Tier\" = \"Tickets\".\"Urgency\"), 0) WHERE \"ReplyDueAt\" IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "ReviewRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReworkedOnly = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRules", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ReviewRules",
                columns: new[] { "Id", "CategoryCode", "Channel", "ReworkedOnly", "Type" },
                values: new object[,]
                {
                    { new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000001"), null, null, false, "Complaint" },
                    { new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000002"), null, null, false, "Report" },
                    { new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000003"), null, null, true, null }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewRules");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReviewStatus",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspendedSince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspendedTotal",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspensionRequestedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuspensionStatus",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "WorkingDayStages",
                table: "Tickets");
        }
    }
}
