using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BlurredAt",
                table: "TicketAttachments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BlurredBy",
                table: "TicketAttachments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalBlobKey",
                table: "TicketAttachments",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalThumbnailKey",
                table: "TicketAttachments",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketAttachments_OriginalBlobKey",
                table: "TicketAttachments",
                column: "OriginalBlobKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketAttachments_OriginalBlobKey",
                table: "TicketAttachments");

            migrationBuilder.DropColumn(
                name: "BlurredAt",
                table: "TicketAttachments");

            migrationBuilder.DropColumn(
                name: "BlurredBy",
                table: "TicketAttachments");

            migrationBuilder.DropColumn(
                name: "OriginalBlobKey",
                table: "TicketAttachments");

            migrationBuilder.DropColumn(
                name: "OriginalThumbnailKey",
                table: "TicketAttachments");
        }
    }
}
