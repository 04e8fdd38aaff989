using System.Diagnostics;
using System.Net;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Core.Features.Kpis.Counts.CompactKpiCounts;
using MediatR;
using Unit = Hotline.Domain.Reference.Unit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Shouldly;

namespace Hotline.IntegrationTests.Kpis;

/// <summary>
/// Every figure of the three rates on the hand-computed March 2030 of <see cref="KpiFixture"/> (the expected values
/// are worked out in docs/kpis.md), the access rules, bad parameters, volumes, hot spots and the exports.
/// </summary>
public abstract class KpiMeasuresTests(KpiFixture fixture) : ApiTestBase(fixture)
{
    private const string March = "from=2030-03-01&to=2030-03-31";

    private readonly KpiFixture _fixture = fixture;

    [Fact]
    public async Task UnitMeasures_Should_MatchTheHandComputedFigures_When_AMonthHasReworkLateOpenAndUnreachableOrders()
    {
        var units = await GetAsync<List<UnitMeasuresDto>>($"/api/kpis/units?{March}");

        var a = units.Single(u => u.UnitId == _fixture.UnitA);
        a.UnitName.ShouldBe("甲单位");
        a.ShouldSatisfyAllConditions(
            () => a.Dispatched.ShouldBe(7, "A1 A2 A3 A4 A5 A9 A10: the duplicate A6 and February's A7 A8 do not count, A3 and A10 count once"),
            () => a.RespondedOnTime.ShouldBe(4, "A1 A3 A4 A10"),
            () => a.ResponseLate.ShouldBe(2, "A2 signed late; A9 never signed and is past its limit"),
            () => a.ResponseRate.ShouldBe(0.6667),
            () => a.Callbacks.ShouldBe(4, "A1 A2 A3 (latest result only) A10; A7 was unreachable"),
            () => a.Solved.ShouldBe(3),
            () => a.ResolutionRate.ShouldBe(0.75),
            () => a.Satisfied.ShouldBe(2),
            () => a.BasicallySatisfied.ShouldBe(1),
            () => a.Dissatisfied.ShouldBe(1),
            () => a.Unreachable.ShouldBe(1),
            () => a.SatisfactionRate.ShouldBe(0.75),
            () => a.Replied.ShouldBe(3, "A1 A2 A3; A10's reply was undone by its rework"),
            () => a.RepliedOnTime.ShouldBe(2),
            () => a.ReplyLate.ShouldBe(4, "A2 replied late; A4 A9 A10 are open and past the reply limit"),
            () => a.OverdueOpen.ShouldBe(3),
            () => a.OnTimeReplyRate.ShouldBe(0.3333),
            () => a.Score.ShouldBe(74.17, "(0.6667×0.10 + 0.75×0.45 + 0.75×0.45) ÷ 1.00"));

        var b = units.Single(u => u.UnitId == _fixture.UnitB);
        b.ShouldSatisfyAllConditions(
            () => b.Dispatched.ShouldBe(1, "the unit a returned order was redispatched to is accountable for it"),
            () => b.RespondedOnTime.ShouldBe(1),
            () => b.ResponseRate.ShouldBe(1.0),
            () => b.Callbacks.ShouldBe(1),
            () => b.SatisfactionRate.ShouldBe(1.0),
            () => b.OnTimeReplyRate.ShouldBe(1.0),
            () => b.Score.ShouldBe(100));

        var c = units.Single(u => u.UnitId == _fixture.UnitC);
        c.ShouldSatisfyAllConditions(
            () => c.Dispatched.ShouldBe(1, "C1 only: assisting on B1 earns nothing"),
            () => c.Callbacks.ShouldBe(0),
            () => c.Unreachable.ShouldBe(1),
            () => c.ResolutionRate.ShouldBeNull("only an unreachable callback: no rate, not 0 and not 1"),
            () => c.SatisfactionRate.ShouldBeNull(),
            () => c.OnTimeReplyRate.ShouldBe(1.0),
            () => c.Score.ShouldBe(100));

        var d = units.Single(u => u.UnitId == _fixture.UnitD);
        d.ShouldSatisfyAllConditions(
            () => d.Dispatched.ShouldBe(1, "D1; B1 left D by an approved return"),
            () => d.RespondedOnTime.ShouldBe(1),
            () => d.Callbacks.ShouldBe(0),
            () => d.Unreachable.ShouldBe(0),
            () => d.ResolutionRate.ShouldBeNull("no callbacks"),
            () => d.Replied.ShouldBe(0),
            () => d.ReplyLate.ShouldBe(0, "D1's reply limit has not passed"),
            () => d.OnTimeReplyRate.ShouldBeNull());

        units.Select(u => u.UnitId).ShouldBe([_fixture.UnitD, _fixture.UnitC, _fixture.UnitB, _fixture.UnitA], "only units with figures in March, best score first, ties by name");
    }

    [Fact]
    public async Task Counts_Should_GiveTheSameFigures_When_RebuiltFromTheOrdersAndCompacted()
    {
        var before = await GetAsync<List<UnitMeasuresDto>>($"/api/kpis/units?{March}");
        var volumesBefore = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?{March}&interval=week&dimension=category");

        using var admin = await ClientAsync("admin");
        (await admin.PostAsync("/api/kpis/rebuild", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = _fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompactKpiCounts(new DateOnly(2000, 1, 1)), Ct);
        }

        var after = await GetAsync<List<UnitMeasuresDto>>($"/api/kpis/units?{March}");
        System.Text.Json.JsonSerializer.Serialize(after, Json.Options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(before, Json.Options));
        var volumesAfter = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?{March}&interval=week&dimension=category");
        System.Text.Json.JsonSerializer.Serialize(volumesAfter, Json.Options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(volumesBefore, Json.Options));
    }

    [Fact]
    public async Task Counts_Should_FollowEachSavedChange_When_AnOrderMovesThroughItsLife()
    {
        await _fixture.EnsureArrangedAsync();
        var unitE = Guid.NewGuid();
        var orderId = Guid.NewGuid();
        var unit = new Actor(null, "unit-e", [Roles.Department], unitE);
        var schedule = new KpiFixture.FixedSchedule();
        const string February = "from=2030-02-01&to=2030-02-28";

        await ChangeAsync(db =>
        {
            db.Units.Add(new Unit(unitE, "kt-unit-e", "戊单位", UnitKind.CityDepartment, null, null));
            var ticket = Ticket.Register(orderId, "KTE000001", Channel.Web, TicketType.HelpRequest, "kt-b", Urgency.Normal, new Citizen(null, "13900000000", false),
                new TicketLocation("ku", null, null, null, null), "测试", null, null, null, new Actor(null, "agent", [Roles.Agent], null), KpiFixture.China(2, 10, 8));
            ticket.Dispatch(unitE, [], null, schedule, null, new Actor(null, "agent", [Roles.Agent], null), KpiFixture.China(2, 10, 9));
            db.Tickets.Add(ticket);
            return Task.CompletedTask;
        });
        var pending = await UnitE();
        (pending.Dispatched, pending.RespondedOnTime, pending.ResponseLate).ShouldBe((1, 0, 0), "dispatched and not yet noticed as late by the sweep: pending");

        await TicketAsync(t =>
        {
            t.Accept(unit, KpiFixture.China(2, 10, 9, 30));
            t.RecordContact("已联系", unit, KpiFixture.China(2, 10, 10));
            t.Reply(false, "已处理", unit, KpiFixture.China(2, 11, 9));
        });
        var replied = await UnitE();
        (replied.RespondedOnTime, replied.Replied, replied.RepliedOnTime, replied.ReplyLate).ShouldBe((1, 1, 1, 0));

        await TicketAsync(t => t.RecordCallback(CallbackOutcome.Dissatisfied, false, null, schedule, new Actor(null, "callback", [Roles.Callback], null), KpiFixture.China(2, 12, 10)));
        await using (var scope = _fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Hotline.Core.Features.Deadlines.SweepDeadlines.SweepDeadlines(), Ct);
        }

        var reworkedAndLate = await UnitE();
        reworkedAndLate.ShouldSatisfyAllConditions(
            e => e.Dispatched.ShouldBe(1, "a rework does not count the order again"),
            e => (e.RespondedOnTime, e.ResponseLate).ShouldBe((0, 1), "the rework round was not signed for in time"),
            e => (e.Replied, e.ReplyLate, e.OverdueOpen).ShouldBe((0, 1, 1)),
            e => (e.Callbacks, e.Dissatisfied, e.Solved).ShouldBe((1, 1, 0)));

        await TicketAsync(t =>
        {
            t.Accept(unit, KpiFixture.China(2, 16, 9));
            t.RecordContact("再次联系", unit, KpiFixture.China(2, 16, 10));
            t.Reply(true, "已解决", unit, KpiFixture.China(2, 17, 9));
            t.RecordCallback(CallbackOutcome.Satisfied, true, null, schedule, new Actor(null, "callback", [Roles.Callback], null), KpiFixture.China(2, 18, 10));
        });
        var closed = await UnitE();
        closed.ShouldSatisfyAllConditions(
            e => (e.Dispatched, e.RespondedOnTime, e.ResponseLate).ShouldBe((1, 0, 1), "late once, late for good"),
            e => (e.Replied, e.RepliedOnTime, e.ReplyLate, e.OverdueOpen).ShouldBe((1, 0, 1, 0)),
            e => (e.Callbacks, e.Satisfied, e.Dissatisfied, e.Solved).ShouldBe((1, 1, 0, 1), "the latest callback replaces the earlier one"));

        async Task TicketAsync(Action<Ticket> change) => await ChangeAsync(async db => change(await db.Tickets.Include(t => t.Participants).SingleAsync(t => t.Id == orderId, Ct)));

        async Task<UnitMeasuresDto> UnitE() => (await GetAsync<List<UnitMeasuresDto>>($"/api/kpis/units?{February}")).Single(u => u.UnitId == unitE);
        async Task ChangeAsync(Func<Hotline.Core.Data.HotlineDbContext, Task> change)
        {
            await using var scope = _fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Hotline.Core.Data.HotlineDbContext>();
            await change(db);
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task GroupMeasures_Should_SplitTheSameOrdersByDistrictAndCategory()
    {
        var districts = await GetAsync<List<GroupMeasuresDto>>($"/api/kpis/districts?{March}");
        var ku = districts.Single(x => x.Code == "ku");
        ku.ShouldSatisfyAllConditions(
            () => ku.Name.ShouldBe("另一区"),
            () => ku.Dispatched.ShouldBe(2),
            () => ku.RespondedOnTime.ShouldBe(2),
            () => ku.Callbacks.ShouldBe(1),
            () => ku.Unreachable.ShouldBe(1),
            () => ku.RepliedOnTime.ShouldBe(2));
        var kt = districts.Single(x => x.Code == "kt");
        kt.ShouldSatisfyAllConditions(
            () => kt.Dispatched.ShouldBe(8),
            () => kt.RespondedOnTime.ShouldBe(5),
            () => kt.ResponseLate.ShouldBe(2),
            () => kt.Callbacks.ShouldBe(4),
            () => kt.OverdueOpen.ShouldBe(3),
            () => kt.OnTimeReplyRate.ShouldBe(0.3333));

        var categories = await GetAsync<List<GroupMeasuresDto>>($"/api/kpis/categories?{March}");
        var catB = categories.Single(x => x.Code == "kt-b");
        catB.ShouldSatisfyAllConditions(
            () => catB.Name.ShouldBe("乙类诉求"),
            () => catB.Dispatched.ShouldBe(3),
            () => catB.RespondedOnTime.ShouldBe(3),
            () => catB.Callbacks.ShouldBe(1),
            () => catB.Unreachable.ShouldBe(1));
        categories.Single(x => x.Code == "kt-a").Score.ShouldBe(74.17);
    }

    [Fact]
    public async Task Ranking_Should_ShareRanksOnEqualScores_And_PutTheWeakestLast()
    {
        var ranking = await GetAsync<List<RankingEntryDto>>($"/api/kpis/ranking?{March}");

        ranking.Select(r => (r.Rank, r.UnitName, r.Score)).ShouldBe([(1, "丁单位", 100.0), (1, "丙单位", 100.0), (1, "乙单位", 100.0), (4, "甲单位", 74.17)]);
    }

    [Fact]
    public async Task SatisfactionRate_Should_WeighBasicallySatisfied_When_TheWeightIsConfigured()
    {
        await _fixture.EnsureArrangedAsync();
        await using var halfWeight = _fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Kpis:BasicallySatisfiedWeight", "0.5"));
        using var client = halfWeight.CreateClient();
        using var supervisor = await ClientAsync("supervisor");
        client.DefaultRequestHeaders.Authorization = supervisor.DefaultRequestHeaders.Authorization;

        var units = await (await client.GetAsync($"/api/kpis/units?{March}", Ct)).ReadAsync<List<UnitMeasuresDto>>();

        units.Single(u => u.UnitId == _fixture.UnitA).SatisfactionRate.ShouldBe(0.625, "(2 + 1 × 0.5) ÷ 4");
    }

    [Theory]
    [InlineData("water")]
    [InlineData("agent")]
    [InlineData("callback")]
    public async Task Measures_Should_Answer403_When_TheCallerIsNotASupervisor(string userName)
    {
        using var client = await ClientAsync(userName);
        foreach (var path in new[] { "/api/kpis/units", "/api/kpis/ranking", "/api/kpis/districts", "/api/kpis/hotspots", "/api/kpis/export/ranking?format=csv" })
        {
            (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task Measures_Should_AnswerForAdmins()
    {
        using var admin = await ClientAsync("admin");
        (await admin.GetAsync($"/api/kpis/ranking?{March}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/kpis/units?from=2030-03-31&to=2030-03-01")]
    [InlineData("/api/kpis/units?from=2028-01-01&to=2030-03-01")]
    [InlineData("/api/kpis/units?from=2030-13-01")]
    [InlineData("/api/kpis/ranking?to=yesterday")]
    [InlineData("/api/kpis/volumes?interval=hour")]
    [InlineData("/api/kpis/export/everything")]
    [InlineData("/api/kpis/export/units?format=pdf")]
    [InlineData("/api/kpis/hotspots?week=1999-01-01")]
    [InlineData("/api/kpis/export/hotspots?week=1999-01-01")]
    public async Task Measures_Should_Answer400_When_TheParametersAreBad(string path)
    {
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Volumes_Should_CountOrdersPerWeek_WithReturnsExtensionsAndReworks()
    {
        var report = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?{March}&interval=week&dimension=district");

        report.Buckets.ShouldBe([new(2030, 2, 25), new(2030, 3, 4), new(2030, 3, 11), new(2030, 3, 18), new(2030, 3, 25)]);
        report.Series.Single(s => s.Key == "ku").ShouldSatisfyAllConditions(
            s => s.Name.ShouldBe("另一区"),
            s => s.Counts.ShouldBe([0, 2, 0, 0, 0]));
        report.Series.Single(s => s.Key == "kt").Counts.ShouldBe([3, 6, 5, 16, 0], "A9 A1 A2 | A3 A6 A4 and 3 street orders | A10 and 4 | A5 D1 and 14");
        report.Total.ShouldBe([3, 8, 5, 16, 0]);
        report.Returns.ShouldBe([0, 1, 0, 0, 0], "B1 on 03-05");
        report.Extensions.ShouldBe([0, 0, 1, 0, 0], "A4 on 03-11");
        report.Reworks.ShouldBe([0, 1, 1, 0, 0], "A3 on 03-06, A10 on 03-13");

        var byChannelPerDay = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?from=2030-03-01&to=2030-03-02");
        byChannelPerDay.Series.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => s.Name.ShouldBe("电话"),
            s => s.Counts.ShouldBe([1, 1], "A9 at 00:05 China time on 03-01 (still February in UTC), A1 on 03-02"));
    }

    [Fact]
    public async Task HotSpots_Should_ListARisingCategoryInAStreet_WithItsOrders()
    {
        var report = await GetAsync<HotSpotReportDto>("/api/kpis/hotspots?week=2030-03-20");

        report.WeekStart.ShouldBe(new DateOnly(2030, 3, 18));
        var spot = report.Items.Where(i => i.DistrictCode == "kt").ShouldHaveSingleItem("kt-s2 rose only ×1.67; kt-s1/kt-b stayed under the minimum count");
        spot.ShouldSatisfyAllConditions(
            () => spot.StreetName.ShouldBe("一号街道"),
            () => spot.CategoryName.ShouldBe("热点类诉求"),
            () => spot.ThisWeek.ShouldBe(5),
            () => spot.PreviousWeeks.ShouldBe([1, 0, 2, 1]),
            () => spot.PreviousMean.ShouldBe(1.0),
            () => spot.Ratio.ShouldBe(5.0),
            () => spot.Orders.Count.ShouldBe(5),
            () => spot.Orders.Select(o => o.Number).ShouldBe(_fixture.Orders.Where(o => o.Key.StartsWith("H-kt-s1-kt-h-0318", StringComparison.Ordinal)).OrderByDescending(o => o.Value.CreatedAt).Select(o => o.Value.Number)));
    }

    [Fact]
    public async Task CsvExport_Should_WriteUtf8WithBomAndTheFigures()
    {
        using var supervisor = await ClientAsync("supervisor");
        await _fixture.EnsureArrangedAsync();

        var response = await supervisor.GetAsync($"/api/kpis/export/units?format=csv&{March}", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition?.FileNameStar.ShouldBe("units-20300301-20300331.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldStartWith("承办单位,派单量,按时响应,响应超时,响应率,");
        lines.ShouldContain("甲单位,7,4,2,0.6667,4,3,0.75,2,1,1,1,0.75,3,2,4,3,0.3333,74.17");
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("type")]
    public async Task VolumesExport_Should_NameTheSeriesWithTheSharedChineseLabels_When_SplitByChannelOrType(string dimension)
    {
        using var supervisor = await ClientAsync("supervisor");
        var query = $"{March}&interval=month&dimension={dimension}";
        var report = await GetAsync<VolumeReportDto>($"/api/kpis/volumes?{query}");
        var labels = report.Series.Select(s => dimension == "channel" ? ChineseLabels.Channel(Enum.Parse<Channel>(s.Key)) : ChineseLabels.Type(Enum.Parse<TicketType>(s.Key))).ToList();
        labels.ShouldNotBeEmpty();
        report.Series.Select(s => s.Name).ShouldBe(labels);

        var response = await supervisor.GetAsync($"/api/kpis/export/volumes?format=csv&{query}", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var header = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n")[0];
        header.ShouldBe(string.Join(',', ["时段起", .. labels, "合计", "退单申请", "延期申请", "重办"]));
    }

    [Fact]
    public async Task XlsxExport_Should_OpenInLibreOffice_WithTheChineseNames()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(soffice is null || !File.Exists("/usr/bin/pdftotext"), "LibreOffice and pdftotext are not installed");
        using var supervisor = await ClientAsync("supervisor");
        await _fixture.EnsureArrangedAsync();
        var response = await supervisor.GetAsync($"/api/kpis/export/units?format=xlsx&{March}", Ct);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var folder = Directory.CreateTempSubdirectory("hotline-xlsx-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "units.xlsx");
            await File.WriteAllBytesAsync(xlsx, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
            await RunAsync(soffice!, $"-env:UserInstallation=file://{folder.FullName}/profile --headless --convert-to pdf --outdir {folder.FullName} {xlsx}");
            var pdf = Path.Combine(folder.FullName, "units.pdf");
            File.Exists(pdf).ShouldBeTrue("LibreOffice converted the workbook");
            await RunAsync("/usr/bin/pdftotext", $"{pdf} {folder.FullName}/units.txt");
            var text = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "units.txt"), Ct);
            text.ShouldContain("甲单位");
            text.ShouldContain("承办单位");
            text.ShouldContain("66.67%");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<T> GetAsync<T>(string path)
        where T : class
    {
        await _fixture.EnsureArrangedAsync();
        using var supervisor = await ClientAsync("supervisor");
        return await (await supervisor.GetAsync(path, Ct)).ReadAsync<T>();
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(Ct));
    }

    public sealed class OnSqlite(SqliteKpiFixture fixture) : KpiMeasuresTests(fixture), IClassFixture<SqliteKpiFixture>;

    public sealed class OnPostgreSql(PostgresKpiFixture fixture) : KpiMeasuresTests(fixture), IClassFixture<PostgresKpiFixture>;
}
