using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BrowserSoftphone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallConnection",
                table: "Users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallConnection",
                table: "Users");
        }
    }
}
