using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QualityInspection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QaChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MaxScore = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaChecklistItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QaReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallAnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    MaxScore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaReviews_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QaReviews_Users_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    MaxScore = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaScores_QaReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "QaReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QaChecklistItems_IsActive_Position",
                table: "QaChecklistItems",
                columns: new[] { "IsActive", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_AgentId",
                table: "QaReviews",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_CallAnsweredAt_AgentId",
                table: "QaReviews",
                columns: new[] { "CallAnsweredAt", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_QaReviews_CallId",
                table: "QaReviews",
                column: "CallId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaScores_ReviewId",
                table: "QaScores",
                column: "ReviewId");

            // The checklist a centre starts with (QaChecklistItem.Defaults): editable, never re-created.
            migrationBuilder.InsertData(
                table: "QaChecklistItems",
                columns: new[] { "Id", "Title", "MaxScore", "Position", "IsActive" },
                values: new object[,]
                {
                    { new Guid("5a1d0c61-0000-4000-8000-000000000001"), "开头语与结束语规范", 10, 0, true },
                    { new Guid("5a1d0c61-0000-4000-8000-000000000002"), "答复与政策解释准确", 40, 1, true },
                    { new Guid("5a1d0c61-0000-4000-8000-000000000003"), "服务态度与文明用语", 30, 2, true },
                    { new Guid("5a1d0c61-0000-4000-8000-000000000004"), "工单登记完整准确", 20, 3, true },
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QaChecklistItems");

            migrationBuilder.DropTable(
                name: "QaScores");

            migrationBuilder.DropTable(
                name: "QaReviews");
        }
    }
}
