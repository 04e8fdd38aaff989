using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CallCentreAnswering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AgentAnsweredAt",
                table: "Calls",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AgentId",
                table: "Calls",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "Calls",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PriorityReason",
                table: "Calls",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DevicePhone",
                table: "AgentPresences",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WrapUpEndsAt",
                table: "AgentPresences",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgentStateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentStateChanges_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_AgentId_IsActive",
                table: "Calls",
                columns: new[] { "AgentId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStateChanges_At_UserId",
                table: "AgentStateChanges",
                columns: new[] { "At", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStateChanges_UserId_At",
                table: "AgentStateChanges",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentStateChanges");

            migrationBuilder.DropIndex(
                name: "IX_Calls_AgentId_IsActive",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "AgentAnsweredAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "AgentId",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "PriorityReason",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DevicePhone",
                table: "AgentPresences");

            migrationBuilder.DropColumn(
                name: "WrapUpEndsAt",
                table: "AgentPresences");
        }
    }
}
