using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>
/// The list a unit and a supervisor work from: rows with content, place and 重办; the district, category (a parent takes its
/// children) and rework filters; the deadline sort; and the export with the same filters, scoped like the list.
/// </summary>
public abstract class TicketListTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Rows_Should_CarryTheContentPreviewThePlaceAndTheReworkCount()
    {
        var content = "自来水发黄有异味" + new string('，', 70) + "已经三天了";
        var ticket = await RegisterAndDispatchAsync(NewTicket(content: content));
        using var water = await ClientAsync("water");

        var row = (await ListAsync(water, "status=Dispatched&pageSize=200")).Single(r => r.Id == ticket.Id);

        row.ShouldSatisfyAllConditions(
            r => r.ContentPreview.Length.ShouldBe(TicketListItemDto.PreviewLength + 1),
            r => r.ContentPreview.ShouldStartWith("自来水发黄有异味"),
            r => r.ContentPreview.ShouldEndWith("…"),
            r => r.DistrictCode.ShouldBe("dc"),
            r => r.StreetCode.ShouldBe("dc-dhm"),
            r => r.Address.ShouldBe("东华门大街1号"),
            r => r.ReworkCount.ShouldBe(0));
    }

    [Fact]
    public async Task Filters_Should_SelectByDistrictCategoryAndRework_And_SortByTheNextDeadline()
    {
        var inXicheng = await RegisterAndDispatchAsync(NewTicket(districtCode: "xc", streetCode: "xc-ssh"));
        var drainage = await RegisterAndDispatchAsync(NewTicket(categoryCode: "sw-ps"));
        var rework = await RepliedAsync(approveReview: false);
        using var supervisor = await ClientAsync("supervisor");
        (await supervisor.PostAsJsonAsync($"/api/tickets/{rework.Id}/review", new ReplyReviewRequest(false, "答非所问", null), Json.Options, Ct)).EnsureSuccessStatusCode();

        var xicheng = await ListAsync(supervisor, "districtCode=xc&pageSize=200");
        xicheng.ShouldContain(r => r.Id == inXicheng.Id);
        xicheng.ShouldAllBe(r => r.DistrictCode == "xc");

        var water = await ListAsync(supervisor, "categoryCode=sw&pageSize=200");
        water.ShouldContain(r => r.Id == drainage.Id);
        water.ShouldContain(r => r.Id == inXicheng.Id);
        water.ShouldAllBe(r => r.CategoryCode == "sw" || r.CategoryCode.StartsWith("sw-"));
        (await ListAsync(supervisor, "categoryCode=sw-ps&pageSize=200")).ShouldNotContain(r => r.Id == inXicheng.Id);

        var reworked = await ListAsync(supervisor, "rework=true&pageSize=200");
        reworked.ShouldContain(r => r.Id == rework.Id && r.ReworkCount == 1);
        reworked.ShouldAllBe(r => r.ReworkCount > 0);
        var open = await ListAsync(supervisor, "rework=true&open=true&pageSize=200");
        open.ShouldContain(r => r.Id == rework.Id);
        open.ShouldAllBe(r => r.Status != TicketStatus.Closed);

        var byDeadline = await ListAsync(supervisor, "sort=Deadline&pageSize=200");
        var due = byDeadline.Select(r => r.NextDueAt).ToList();
        var running = due.TakeWhile(d => d is not null).Select(d => d!.Value).ToList();
        running.ShouldBeInOrder(SortDirection.Ascending);
        due.Skip(running.Count).ShouldAllBe(d => d == null, "orders without a running deadline come last");
    }

    [Fact]
    public async Task Export_Should_WriteTheFilteredListWithNamesAndTheWholeContent_ScopedToTheUnit()
    {
        var content = "小区地下室返水，气味很大 " + Guid.NewGuid().ToString("N");
        var ours = await RegisterAndDispatchAsync(NewTicket(content: content));
        var heating = await RegisterAndDispatchAsync(NewTicket(categoryCode: "gr-bz"));
        using var water = await ClientAsync("water");

        var response = await water.GetAsync("/api/tickets/export?status=Dispatched&sort=Deadline&format=Csv", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldNotBeNull().ShouldEndWith(".csv");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));

        csv.ShouldStartWith("\uFEFF工单编号,状态,类型,分类");
        var line = csv.Split('\n').Single(l => l.StartsWith(ours.Number, StringComparison.Ordinal));
        line.ShouldContain("待签收");
        line.ShouldContain("市自来水集团");
        line.ShouldContain("东城区");
        line.ShouldContain(content);
        line.ShouldContain(ours.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), customMessage: "times in China");
        csv.ShouldNotContain(heating.Number, customMessage: "a unit exports only what it may see");
        var watermark = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[^1];
        watermark.ShouldStartWith("【导出水印】本文件含个人信息，仅限工作使用，不得外传。导出人：");
        watermark.ShouldContain("（water）");
        watermark.ShouldContain("（北京时间）");

        var xlsx = await water.GetAsync("/api/tickets/export?status=Dispatched", Ct);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Theory]
    [InlineData("/api/tickets?sort=Nearest")]
    [InlineData("/api/tickets?sort=9")]
    [InlineData("/api/tickets/export?format=Pdf")]
    [InlineData("/api/tickets/export?format=7")]
    [InlineData("/api/tickets/export?pageSize=0")]
    [InlineData("/api/tickets?districtCode=0123456789012345678901234567890123")]
    public async Task BadQuery_Should_Answer400(string path)
    {
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<TicketListItemDto>> ListAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/tickets?" + query, Ct)).ReadAsync<PagedResult<TicketListItemDto>>()).Items.ToList();

    public sealed class OnSqlite(SqliteApiFixture fixture) : TicketListTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TicketListTests(fixture), IClassFixture<PostgresApiFixture>;
}
