using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WebhookLaneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_Status_NextAttemptAt",
                table: "WebhookDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
