using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MissedCallbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AfterHours",
                table: "Calls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "MissedCallId",
                table: "Calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MissedCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Misses = table.Column<int>(type: "integer", nullable: false),
                    FirstMissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastMissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastWaitSeconds = table.Column<int>(type: "integer", nullable: false),
                    LongestWaitSeconds = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CallbackSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallbackStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissedCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissedCalls_Users_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MissedCallAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissedCallId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallSid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissedCallAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissedCallAttempts_MissedCalls_MissedCallId",
                        column: x => x.MissedCallId,
                        principalTable: "MissedCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MissedCallAttempts_Users_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_MissedCallId",
                table: "Calls",
                column: "MissedCallId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCallAttempts_AgentId",
                table: "MissedCallAttempts",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCallAttempts_MissedCallId",
                table: "MissedCallAttempts",
                column: "MissedCallId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCallAttempts_RecordedAt",
                table: "MissedCallAttempts",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_AgentId",
                table: "MissedCalls",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_CallbackSid",
                table: "MissedCalls",
                column: "CallbackSid");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_CompletedAt",
                table: "MissedCalls",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_OpenPhone",
                table: "MissedCalls",
                column: "OpenPhone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_Phone",
                table: "MissedCalls",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_MissedCalls_Status_FirstMissedAt",
                table: "MissedCalls",
                columns: new[] { "Status", "FirstMissedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MissedCallAttempts");

            migrationBuilder.DropTable(
                name: "MissedCalls");

            migrationBuilder.DropIndex(
                name: "IX_Calls_MissedCallId",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "AfterHours",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "MissedCallId",
                table: "Calls");
        }
    }
}
