using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CallControls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Units",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentLegSid",
                table: "Calls",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConferenceName",
                table: "Calls",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConferenceSid",
                table: "Calls",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CurrentAgentId",
                table: "Calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OnHold",
                table: "Calls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CallTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ToAgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Service = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LegSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Bridge = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallTransfers_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_AgentLegSid",
                table: "Calls",
                column: "AgentLegSid");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CurrentAgentId_IsActive",
                table: "Calls",
                columns: new[] { "CurrentAgentId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_CallTransfers_CallId_At",
                table: "CallTransfers",
                columns: new[] { "CallId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CallTransfers_LegSid",
                table: "CallTransfers",
                column: "LegSid");

            // Calls answered before this version (a plain <Dial>): their agent is the one on the line.
            migrationBuilder.Sql("UPDATE \"Calls\" SET \"CurrentAgentId\" = \"AgentId\" WHERE \"IsActive\" AND \"AgentId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallTransfers");

            migrationBuilder.DropIndex(
                name: "IX_Calls_AgentLegSid",
                table: "Calls");

            migrationBuilder.DropIndex(
                name: "IX_Calls_CurrentAgentId_IsActive",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "AgentLegSid",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "ConferenceName",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "ConferenceSid",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "CurrentAgentId",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "OnHold",
                table: "Calls");
        }
    }
}
