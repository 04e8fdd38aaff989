using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyHotSpotCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CategoryCode_CreatedDay",
                table: "Tickets",
                columns: new[] { "CategoryCode", "CreatedDay" });

            // Hot-spot counts are kept per week from now on (KpiContribution.HotSpotWeek): the daily rows move to
            // their week's Monday (China days, Monday first); CompactKpiCounts folds the rows of a week together.
            migrationBuilder.Sql("""
                UPDATE "KpiCounts" SET "Day" = ("Day" - (EXTRACT(ISODOW FROM "Day")::int - 1)) WHERE "Dimension" = 'StreetCategory';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CategoryCode_CreatedDay",
                table: "Tickets");
        }
    }
}
