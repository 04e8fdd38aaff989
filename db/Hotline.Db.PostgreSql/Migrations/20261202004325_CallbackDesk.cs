using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hotline.Db.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CallbackDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CallbackAttempts",
                table: "Tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CallbackFailure",
                table: "Tickets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallbackReasonCode",
                table: "Tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CallbackRetryAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallbackReasons",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackReasons", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "CallbackScripts",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackScripts", x => x.Type);
                });

            migrationBuilder.InsertData(
                table: "CallbackReasons",
                columns: new[] { "Code", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "attitude", "态度不好", 3 },
                    { "buck-passing", "推诿扯皮", 4 },
                    { "not-contacted", "未联系诉求人", 2 },
                    { "other", "其他", 6 },
                    { "overdue", "办理超时", 5 },
                    { "unresolved", "未解决诉求", 1 }
                });

            migrationBuilder.InsertData(
                table: "CallbackScripts",
                columns: new[] { "Type", "Body", "UpdatedAt", "UpdatedBy" },
                values: new object[,]
                {
                    { "Complaint", "您好，我是12345热线回访员，工号____。您前几天反映的投诉事项（工单编号见屏幕），承办单位已经答复。\n1. 承办单位是否联系过您？您投诉的问题现在是否已经解决？\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { "Consultation", "您好，我是12345热线回访员，工号____。您前几天反映的咨询事项（工单编号见屏幕），承办单位已经答复。\n1. 单位是否已经答复了您咨询的问题？答复的内容您是否清楚？\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { "HelpRequest", "您好，我是12345热线回访员，工号____。您前几天反映的求助事项（工单编号见屏幕），承办单位已经答复。\n1. 您求助的事项是否已经得到帮助和解决？\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { "Praise", "您好，我是12345热线回访员，工号____。您前几天反映的表扬事项（工单编号见屏幕），承办单位已经答复。\n1. 您的表扬已转达承办单位，感谢您对他们工作的肯定。\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { "Report", "您好，我是12345热线回访员，工号____。您前几天反映的举报事项（工单编号见屏幕），承办单位已经答复。\n1. 承办单位是否已核查您反映的情况并告知处理结果？\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { "Suggestion", "您好，我是12345热线回访员，工号____。您前几天反映的建议事项（工单编号见屏幕），承办单位已经答复。\n1. 承办单位是否已回复您的建议？对回复的内容您是否认可？\n2. 您对这次办理的结果是满意、基本满意还是不满意？\n3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n感谢您对12345热线工作的支持，再见。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallbackReasons");

            migrationBuilder.DropTable(
                name: "CallbackScripts");

            migrationBuilder.DropColumn(
                name: "CallbackAttempts",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CallbackFailure",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CallbackReasonCode",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CallbackRetryAt",
                table: "Tickets");
        }
    }
}
