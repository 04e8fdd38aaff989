using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceOrderAndKeywords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "Streets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "Districts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "Categories",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "Streets");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "Keywords",
                table: "Categories");
        }
    }
}
