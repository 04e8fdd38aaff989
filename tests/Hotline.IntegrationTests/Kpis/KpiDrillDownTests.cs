using System.Net;
using Hotline.Contracts.Kpis;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Kpis;

/// <summary>
/// The drill-down (<c>GET /api/kpis/orders</c>) on the hand-computed March 2030 of <see cref="KpiFixture"/>: for every
/// unit, district and category row and every measure, the orders listed are exactly as many as the figure the measures
/// routes show, met + missed = the denominator, and the flags agree with the parts; volumes and hot spots likewise.
/// </summary>
public abstract class KpiDrillDownTests(KpiFixture fixture) : ApiTestBase(fixture)
{
    private const string March = "from=2030-03-01&to=2030-03-31";

    private readonly KpiFixture _fixture = fixture;

    [Fact]
    public async Task DrillDown_Should_ListAsManyOrdersAsEachUnitFigure_With_MetPlusMissedEqualToTheDenominator()
    {
        var units = await GetAsync<List<UnitMeasuresDto>>($"/api/kpis/units?{March}");
        units.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var u in units)
        {
            await ShouldMatchAsync($"unitId={u.UnitId}", u, u.UnitName);
        }

        // The hand-computed unit 甲, spelled out: A1 A3 A4 A10 responded on time, A2 and A9 were late.
        var a = await DrillAsync($"measure=response&outcome=missed&unitId={_fixture.UnitA}&{March}");
        a.ShouldSatisfyAllConditions(
            () => a.Total.ShouldBe(2),
            () => a.All.ShouldBe(6),
            () => a.Met.ShouldBe(4),
            () => a.Items.ShouldAllBe(i => i.Met == false && i.Order.LeadUnitId == _fixture.UnitA));
    }

    [Fact]
    public async Task DrillDown_Should_ListAsManyOrdersAsEachDistrictAndCategoryFigure()
    {
        foreach (var d in await GetAsync<List<GroupMeasuresDto>>($"/api/kpis/districts?{March}"))
        {
            await ShouldMatchAsync($"districtCode={d.Code}", d, d.Name);
        }

        foreach (var c in await GetAsync<List<GroupMeasuresDto>>($"/api/kpis/categories?{March}"))
        {
            await ShouldMatchAsync($"categoryCode={c.Code}", c, c.Name);
        }
    }

    [Fact]
    public async Task DrillDown_Should_ListTheOrdersOfEachVolumeBucket_And_EachReturnExtensionAndRework()
    {
        var report = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?{March}&interval=week&dimension=district");
        for (var i = 0; i < report.Buckets.Count; i++)
        {
            var from = report.Buckets[i] < new DateOnly(2030, 3, 1) ? new DateOnly(2030, 3, 1) : report.Buckets[i];
            var to = report.Buckets[i].AddDays(6) > new DateOnly(2030, 3, 31) ? new DateOnly(2030, 3, 31) : report.Buckets[i].AddDays(6);
            var period = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
            foreach (var s in report.Series)
            {
                (await DrillAsync($"measure=registered&districtCode={s.Key}&{period}")).Total.ShouldBe(s.Counts[i], $"{s.Name} {from}");
            }

            (await DrillAsync($"measure=registered&{period}")).Total.ShouldBe(report.Total[i], $"total {from}");
            (await DrillAsync($"measure=returns&{period}")).Total.ShouldBe(report.Returns[i], $"returns {from}");
            (await DrillAsync($"measure=extensions&{period}")).Total.ShouldBe(report.Extensions[i], $"extensions {from}");
            (await DrillAsync($"measure=reworks&{period}")).Total.ShouldBe(report.Reworks[i], $"reworks {from}");
        }

        var reworks = await DrillAsync($"measure=reworks&{March}");
        reworks.Total.ShouldBe(2, "A3 on 03-06, A10 on 03-13");
        reworks.Met.ShouldBeNull();
    }

    [Fact]
    public async Task DrillDown_Should_ListTheOrdersOfAHotSpot()
    {
        var report = await GetAsync<HotSpotReportDto>("/api/kpis/hotspots?week=2030-03-20");
        report.Items.ShouldNotBeEmpty();
        var spot = report.Items.First();

        var orders = await DrillAsync($"measure=hotSpot&districtCode={spot.DistrictCode}&streetCode={spot.StreetCode}&categoryCode={spot.CategoryCode}&from={report.WeekStart:yyyy-MM-dd}&to={report.WeekEnd:yyyy-MM-dd}");

        orders.Total.ShouldBe(spot.ThisWeek);
        orders.Items.Select(i => i.Order.Id).ShouldBe(spot.Orders.Select(o => o.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task DrillDownExport_Should_WriteOneLinePerOrderOfTheFigure()
    {
        await _fixture.EnsureArrangedAsync();
        using var supervisor = await ClientAsync("supervisor");
        var response = await supervisor.GetAsync($"/api/kpis/orders/export?format=csv&measure=onTimeReply&outcome=missed&unitId={_fixture.UnitA}&{March}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain("是否达标");
        lines.Length.ShouldBe(1 + 4 + 1, "A2 A4 A9 A10 replied late or are open past the limit, then the watermark");
        lines.Skip(1).SkipLast(1).ShouldAllBe(l => l.EndsWith("未达标"));
        lines[^1].ShouldStartWith("【导出水印】");
        lines[^1].ShouldContain("（supervisor）");
    }

    [Fact]
    public async Task HonorRoll_Should_ListTheMonthsUnitsByTheRule_WithAPublishableTitle()
    {
        var ranking = await GetAsync<List<RankingEntryDto>>($"/api/kpis/ranking?{March}");
        var roll = await GetAsync<HonorRollDto>("/api/kpis/honor-roll?month=2030-03");

        roll.ShouldSatisfyAllConditions(
            () => roll.Title.ShouldBe("2030年3月 12345热线承办单位考核红黄榜"),
            () => roll.From.ShouldBe(new DateOnly(2030, 3, 1)),
            () => roll.To.ShouldBe(new DateOnly(2030, 3, 20), "the fixture's today: the month is not over"),
            () => roll.Complete.ShouldBeFalse(),
            () => roll.Ranked.ShouldBe(ranking.Count(r => r.Dispatched >= roll.Rule.MinDispatched), "units with fewer orders than Kpis:HonorRoll:MinDispatched are not judged"),
            () => roll.Red.ShouldBeEmpty("甲 is the only unit with 5 orders and scores 74.17"),
            () => roll.Yellow.ShouldHaveSingleItem().UnitId.ShouldBe(_fixture.UnitA),
            () => roll.Yellow[0].Score.ShouldBe(74.17));

        // On the 20th (after Kpis:HonorRoll:PreviousMonthUntilDay) the page opens on this month; a past month is complete.
        (await GetAsync<HonorRollDto>("/api/kpis/honor-roll")).Month.ShouldBe("2030-03");
        var february = await GetAsync<HonorRollDto>("/api/kpis/honor-roll?month=2030-02");
        february.ShouldSatisfyAllConditions(
            () => february.To.ShouldBe(new DateOnly(2030, 2, 28)),
            () => february.Complete.ShouldBeTrue(),
            () => february.Title.ShouldBe("2030年2月 12345热线承办单位考核红黄榜"));
    }

    [Theory]
    [InlineData("/api/kpis/honor-roll?month=2030-13")]
    [InlineData("/api/kpis/honor-roll?month=March")]
    [InlineData("/api/kpis/honor-roll?month=1999-12")]
    [InlineData("/api/kpis/orders")]
    [InlineData("/api/kpis/orders?measure=speed")]
    [InlineData("/api/kpis/orders?measure=1")]
    [InlineData("/api/kpis/orders?measure=dispatched&outcome=met")]
    [InlineData("/api/kpis/orders?measure=response&outcome=maybe")]
    [InlineData("/api/kpis/orders?measure=response&from=2030-03-31&to=2030-03-01")]
    [InlineData("/api/kpis/orders?measure=response&from=2030-02-30")]
    [InlineData("/api/kpis/orders?measure=response&pageSize=0")]
    [InlineData("/api/kpis/orders?measure=response&unitId=not-a-guid")]
    [InlineData("/api/kpis/orders?measure=registered&channel=fax")]
    [InlineData("/api/kpis/orders/export?measure=response&format=pdf")]
    public async Task DrillDown_Should_Answer400_When_TheParametersAreBad(string path)
    {
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("water")]
    public async Task DrillDown_Should_Answer403_When_TheCallerIsNotASupervisor(string userName)
    {
        using var client = await ClientAsync(userName);
        (await client.GetAsync($"/api/kpis/orders?measure=response&{March}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task ShouldMatchAsync(string key, MeasureFigures f, string name)
    {
        var q = $"{key}&{March}&pageSize=200";
        var response = await DrillAsync($"measure=response&{q}");
        response.ShouldSatisfyAllConditions(
            () => response.Met.ShouldBe(f.RespondedOnTime, name),
            () => response.Missed.ShouldBe(f.ResponseLate, name),
            () => response.All.ShouldBe(f.RespondedOnTime + f.ResponseLate, name),
            () => response.Total.ShouldBe(response.All, name),
            () => response.Exempted.ShouldBe(f.Exempted.Response, name),
            () => response.Items.Count(i => i.Met == true).ShouldBe(f.RespondedOnTime, name));
        (await DrillAsync($"measure=response&outcome=met&{q}")).Total.ShouldBe(f.RespondedOnTime, name);
        (await DrillAsync($"measure=response&outcome=missed&{q}")).Total.ShouldBe(f.ResponseLate, name);

        var resolution = await DrillAsync($"measure=resolution&{q}");
        resolution.ShouldSatisfyAllConditions(
            () => resolution.All.ShouldBe(f.Callbacks, name),
            () => resolution.Met.ShouldBe(f.Solved, name),
            () => (resolution.Met + resolution.Missed).ShouldBe(f.Callbacks, name));
        var satisfaction = await DrillAsync($"measure=satisfaction&{q}");
        satisfaction.ShouldSatisfyAllConditions(
            () => satisfaction.All.ShouldBe(f.Callbacks, name),
            () => satisfaction.Met.ShouldBe(f.Satisfied + f.BasicallySatisfied, name),
            () => satisfaction.Missed.ShouldBe(f.Dissatisfied, name));
        var reply = await DrillAsync($"measure=onTimeReply&{q}");
        reply.ShouldSatisfyAllConditions(
            () => reply.Met.ShouldBe(f.RepliedOnTime, name),
            () => reply.Missed.ShouldBe(f.ReplyLate, name),
            () => reply.Items.Count(i => i.Met == false).ShouldBe(f.ReplyLate, name));
        (await DrillAsync($"measure=dispatched&{q}")).Total.ShouldBe(f.Dispatched, name);
        (await DrillAsync($"measure=overdueOpen&{q}")).Total.ShouldBe(f.OverdueOpen, name);
        (await DrillAsync($"measure=unreachable&{q}")).Total.ShouldBe(f.Unreachable, name);
    }

    private async Task<KpiOrdersDto> DrillAsync(string query) => await GetAsync<KpiOrdersDto>("/api/kpis/orders?" + query);

    private async Task<T> GetAsync<T>(string path)
        where T : class
    {
        await _fixture.EnsureArrangedAsync();
        using var supervisor = await ClientAsync("supervisor");
        return await (await supervisor.GetAsync(path, Ct)).ReadAsync<T>();
    }

    public sealed class OnSqlite(SqliteKpiFixture fixture) : KpiDrillDownTests(fixture), IClassFixture<SqliteKpiFixture>;

    public sealed class OnPostgreSql(PostgresKpiFixture fixture) : KpiDrillDownTests(fixture), IClassFixture<PostgresKpiFixture>;
}
