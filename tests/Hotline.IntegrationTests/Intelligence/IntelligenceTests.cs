using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Intelligence;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Intelligence;
using Hotline.Core.Jobs;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Intelligence;

/// <summary>
/// Not run beside other test classes: Hangfire keeps its storage in a process-wide static, and a host started at the
/// same moment as another can end up enqueueing the training job into that other host's (then disposed) storage.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntelligenceCollection
{
    public const string Name = "Intelligence (serial)";
}

/// <summary>History import → training → classification → the suggestion's acceptance, through HTTP, on each provider.</summary>
public abstract class IntelligenceTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private static readonly (string Code, string[] Phrases)[] Topics =
    [
        ("sw-ts", ["停水", "没有自来水", "水龙头不出水", "供水中断", "家里没水", "自来水管道维修停水"]),
        ("hj-zs", ["噪声扰民", "半夜施工噪音", "广场舞音响太吵", "装修噪音", "工地夜间施工", "楼下酒吧吵闹"]),
        ("ld-qx", ["拖欠工资", "老板不发工资", "工钱被拖欠", "欠薪", "农民工工资没结", "公司拖欠薪水"]),
    ];

    private static readonly string[] Fillers = ["已经三天了", "请尽快处理", "反映多次没有结果", "影响正常生活", "希望相关部门解决", "很着急", "麻烦帮忙协调"];

    /// <summary>Orders of three topics in words that tell them apart, with the place and the unit varied.</summary>
    private static List<HistoryOrderLine> History(string prefix, int perTopic, DateTimeOffset closedAt)
    {
        var lines = new List<HistoryOrderLine>();
        var random = new Random(prefix.GetHashCode(StringComparison.Ordinal));
        foreach (var (code, phrases) in Topics)
        {
            for (var i = 0; i < perTopic; i++)
            {
                var text = $"{phrases[random.Next(phrases.Length)]}，{Fillers[random.Next(Fillers.Length)]}，{phrases[random.Next(phrases.Length)]}，编号{prefix}{i}";
                lines.Add(new HistoryOrderLine($"{prefix}-{code}-{i}", text, code, "dc", "dc-dhm", null, "Complaint", "Phone", closedAt.AddDays(-2), closedAt, "已处理"));
            }
        }

        return lines;
    }

    private static string JsonLines(IEnumerable<HistoryOrderLine> lines) => string.Join('\n', lines.Select(l => JsonSerializer.Serialize(l, Json.Options)));

    private async Task<HistoryImportResult> ImportAsync(string payload, string contentType = "application/x-ndjson")
    {
        using var admin = await ClientAsync("admin");
        using var content = new StringContent(payload, Encoding.UTF8, contentType);
        return await (await admin.PostAsync("/api/admin/history/import", content, Ct)).ReadAsync<HistoryImportResult>();
    }

    /// <summary>Starts a training and runs its job here, as the job server would.</summary>
    private async Task<CategoryModelDto> TrainAsync()
    {
        using var admin = await ClientAsync("admin");
        var response = await admin.PostAsync("/api/intelligence/category-models", null, Ct);
        var started = await response.ReadAsync<CategoryModelDto>(HttpStatusCode.Accepted);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/intelligence/category-models/{started.Id}");
        started.Status.ShouldBe(CategoryModelStatus.Training);

        // A second request while it trains is refused.
        (await (await admin.PostAsync("/api/intelligence/category-models", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("正在训练");

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<CategoryTrainingJob>(scope.ServiceProvider).RunAsync(started.Id, Ct);
        }

        return await (await admin.GetAsync($"/api/intelligence/category-models/{started.Id}", Ct)).ReadAsync<CategoryModelDto>();
    }

    private async Task<ClassifyResult> ClassifyAsync(string content, string? district = "dc", string? street = "dc-dhm")
    {
        using var agent = await ClientAsync("agent");
        return await (await agent.PostAsJsonAsync("/api/intelligence/classify", new ClassifyRequest(content, district, street), Json.Options, Ct)).ReadAsync<ClassifyResult>();
    }

    [Fact]
    public async Task ImportTrainClassify_Should_SuggestCategoryAndUnit_And_CountTheAcceptance()
    {
        var lines = History("itc", 30, DateTimeOffset.UtcNow.AddDays(-30));
        var first = await ImportAsync(JsonLines(lines) + "\n{\"externalId\":\"bad-1\",\"content\":\"x\",\"categoryCode\":\"no-such\"}\n{not json");
        (first.Created, first.Unchanged).ShouldBe((90, 0), string.Join("; ", first.Errors));
        first.Errors.Select(e => e.Line).ShouldBe([91, 92]);
        first.Errors[0].Message.ShouldContain("no-such");
        var again = await ImportAsync(JsonLines(lines));
        (again.Created, again.Unchanged, again.Errors.Count).ShouldBe((0, 90, 0));

        var model = await TrainAsync();
        model.Status.ShouldBe(CategoryModelStatus.Ready, model.Error);
        model.Active.ShouldBeTrue();
        model.Samples.ShouldBeGreaterThan(50);
        model.TestSamples.ShouldBeGreaterThan(0);
        // Other tests of the class import orders too (some deliberately alike under two codes): only the topics here are judged.
        model.Evaluation.ShouldNotBeNull().PerCategory.ShouldContain(c => c.Code == "sw-ts" && c.Support > 0 && c.F1 > 0.5);
        using var admin = await ClientAsync("admin");
        (await (await admin.GetAsync("/api/intelligence/category-models/active", Ct)).ReadAsync<CategoryModelDto>()).Id.ShouldBe(model.Id);

        var result = await ClassifyAsync("小区停水了，家里没水，水龙头不出水");
        result.ModelId.ShouldBe(model.Id);
        result.Categories.Count.ShouldBe(3);
        result.Categories[0].Code.ShouldBe("sw-ts");
        result.Categories[0].Name.ShouldBe("停水");
        result.Categories.Select(c => c.Probability).ShouldBeInOrder(SortDirection.Descending);
        var units = await UnitIdsAsync();
        result.Unit.ShouldNotBeNull().UnitId.ShouldBe(units["water"]);
        result.Unit.Reason.ShouldContain("派单目录");
        (await ClassifyAsync("晚上工地施工噪音太吵，噪声扰民", "cy", null)).Categories[0].Code.ShouldBe("hj-zs");

        // The agent keeps the suggestion once and picks another category once.
        await RegisterAsync(NewTicket("sw-ts") with { Suggestion = new CategorySuggestionDto(model.Id, "sw-ts") });
        await RegisterAsync(NewTicket("hj-zs") with { Suggestion = new CategorySuggestionDto(model.Id, "sw-ts") });
        await RegisterAsync(NewTicket("sw-ts"));
        using var agent = await ClientAsync("agent");
        var unknownModel = await agent.PostAsJsonAsync("/api/tickets", NewTicket() with { Suggestion = new CategorySuggestionDto(Guid.NewGuid(), "sw-ts") }, Json.Options, Ct);
        (await unknownModel.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("suggestion.modelId");

        using var supervisor = await ClientAsync("supervisor");
        var acceptance = await (await supervisor.GetAsync($"/api/intelligence/category-models/acceptance?modelId={model.Id}", Ct)).ReadAsync<SuggestionAcceptanceDto>();
        (acceptance.Suggested, acceptance.Accepted, acceptance.Rate).ShouldBe((2, 1, 0.5));
        var week = acceptance.Weeks.ShouldHaveSingleItem();
        week.Week.ShouldBe($"{ISOWeek.GetYear(DateTime.UtcNow.AddHours(8))}-W{ISOWeek.GetWeekOfYear(DateTime.UtcNow.AddHours(8)):D2}");
        (week.Suggested, week.Accepted).ShouldBe((2, 1));
        var category = acceptance.Categories.ShouldHaveSingleItem();
        (category.Code, category.Name, category.Suggested, category.Accepted).ShouldBe(("sw-ts", "停水", 2, 1));
        var pair = acceptance.Confusion.ShouldHaveSingleItem();
        (pair.SuggestedCode, pair.ChosenCode, pair.ChosenName, pair.Count).ShouldBe(("sw-ts", "hj-zs", "噪声扰民", 1));
        (await agent.GetAsync("/api/intelligence/category-models/acceptance", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The fuzz suite found this one: a date at the calendar's edge (the default from is 12 weeks before it) is a 400, not a 500.
        (await (await supervisor.GetAsync("/api/intelligence/category-models/acceptance?to=0001-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("to");

        // A second model on the same orders scores the same on the same held-out orders: it becomes active.
        var second = await TrainAsync();
        second.Status.ShouldBe(CategoryModelStatus.Ready, second.Error);
        second.Active.ShouldBeTrue(second.ActivationNote);
        second.ActivationNote.ShouldNotBeNull().ShouldContain("同一测试集");
        (await (await admin.GetAsync($"/api/intelligence/category-models/{model.Id}", Ct)).ReadAsync<CategoryModelDto>()).Active.ShouldBeFalse();

        // The first model's stored bytes are damaged: activating it is refused and the second stays active.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            await db.Set<CategoryModel>().Where(m => m.Id == model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Bytes, new byte[] { 1, 2, 3 }), Ct);
        }

        (await (await admin.PostAsync($"/api/intelligence/category-models/{model.Id}/activate", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("损坏");
        (await (await admin.GetAsync("/api/intelligence/category-models/active", Ct)).ReadAsync<CategoryModelDto>()).Id.ShouldBe(second.Id);

        // Even marked active in the database (by another node, say), the damaged model is refused here and the node keeps serving the second.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            await db.Set<CategoryModel>().Where(m => m.Id == model.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, true).SetProperty(m => m.ActivatedAt, DateTimeOffset.UtcNow.AddMinutes(1)), Ct);
            var loaded = await Fixture.Factory.Services.GetRequiredService<ActiveCategoryModel>().RefreshAsync(db, Ct);
            loaded.ShouldNotBeNull().Id.ShouldBe(second.Id);
            await db.Set<CategoryModel>().Where(m => m.Id == model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), Ct);
        }

        (await ClassifyAsync("停水了")).ModelId.ShouldBe(second.Id);

        // An Admin may activate a sound model whatever its score.
        var activated = await (await admin.PostAsync($"/api/intelligence/category-models/{second.Id}/activate", null, Ct)).ReadAsync<CategoryModelDto>();
        activated.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task ImportedOrders_Should_BeFound_And_CountInNoMeasure_Queue_Or_List()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var period = $"from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        using var supervisor = await ClientAsync("supervisor");
        using var callbacks = await ClientAsync("callback");
        async Task<string> Read(string path) =>
            await (await (await (path.StartsWith("/api/callbacks", StringComparison.Ordinal) ? callbacks : supervisor).GetAsync(path, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK)).Content.ReadAsStringAsync(Ct);
        string[] measures =
        [
            $"/api/kpis/volumes?{period}&interval=Day&dimension=Category", $"/api/kpis/volumes?{period}&interval=Day&dimension=District",
            $"/api/kpis/volumes?{period}&interval=Day&dimension=Channel", $"/api/kpis/units?{period}", $"/api/kpis/categories?{period}",
            $"/api/kpis/ranking?{period}", "/api/kpis/hotspots", "/api/tickets?overdue=true&pageSize=200", "/api/callbacks?due=true",
        ];
        var before = new List<string>();
        foreach (var path in measures)
        {
            before.Add(await Read(path));
        }

        var token = "lsxq" + Guid.NewGuid().ToString("N")[..8];
        var units = await UnitIdsAsync();
        var lines = Enumerable.Range(0, 12).Select(i => new HistoryOrderLine(
            $"{token}-{i}", $"{token} 楼上噪音扰民第{i}次", "hj-zs", "dc", "dc-dhm", "dc-dhm", i % 2 == 0 ? "Complaint" : "helprequest", i % 3 == 0 ? "Web" : null,
            DateTimeOffset.UtcNow.AddHours(-30 - i), DateTimeOffset.UtcNow.AddHours(-2), "已协调施工方停止夜间施工")).ToList();
        var result = await ImportAsync(JsonSerializer.Serialize(lines, Json.Options), "application/json");
        (result.Created, result.Errors.Count).ShouldBe((12, 0), string.Join("; ", result.Errors));

        for (var i = 0; i < measures.Length; i++)
        {
            (await Read(measures[i])).ShouldBe(before[i], measures[i]);
        }

        using var agent = await ClientAsync("agent");
        var found = await (await agent.GetAsync($"/api/tickets?q={token}&pageSize=50", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        found.Total.ShouldBe(12);
        found.Items.ShouldAllBe(t => t.Status == TicketStatus.Closed && t.Number.StartsWith('H') && t.LeadUnitId == units["dc-dhm"]);
        var ticket = await TicketAsync(found.Items[0].Id);
        ticket.CloseReason.ShouldBe(CloseReason.Imported);
        ticket.Timeline.ShouldHaveSingleItem().Note.ShouldNotBeNull().ShouldContain(token);

        // The rebuilt measures leave them out as well.
        using var admin = await ClientAsync("admin");
        await (await admin.PostAsync("/api/kpis/rebuild", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await Read(measures[0])).ShouldBe(before[0]);
    }

    [Fact]
    public async Task Import_Should_ReportEachBadLine_And_ImportTheRest_AcrossBatches()
    {
        var token = "pl" + Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(0, 1203).Select(i => i switch
        {
            700 => "{\"externalId\":\"" + token + "-x\",\"content\":\"\",\"categoryCode\":\"jy-px\"}",
            701 => "{\"externalId\":\"" + token + "-y\",\"content\":\"校外培训\",\"categoryCode\":\"jy-px\",\"districtCode\":\"zz\"}",
            702 => "{\"externalId\":\"" + token + "-z\",\"content\":\"校外培训\",\"categoryCode\":\"jy\",\"type\":\"1\"}",
            703 => "{\"externalId\":\"" + token + "-0\",\"content\":\"重复\",\"categoryCode\":\"jy\"}",
            704 => "{\"externalId\":\"" + token + "-w\",\"content\":\"校外培训\",\"categoryCode\":\"jy\",\"createdAt\":\"2026-01-02T00:00:00Z\",\"closedAt\":\"2026-01-01T00:00:00Z\"}",
            706 => "{\"externalId\":\"" + token + "-u\",\"content\":\"校外\\u0000培训\",\"categoryCode\":\"jy\"}",
            707 => "{\"externalId\":\"" + token + "-t\",\"content\":\"校外培训\",\"categoryCode\":\"jy\",\"createdAt\":\"2026-01-01T08:00:00\"}",
            705 => "{\"externalId\":\"" + token + "-v\",\"content\":\"" + new string('培', 4001) + "\",\"categoryCode\":\"jy\"}",
            _ => JsonSerializer.Serialize(new HistoryOrderLine($"{token}-{i}", $"校外培训机构退费 {token} {i}", i % 2 == 0 ? "jy" : "jy-px", null, null, null, null, null, null, null, null), Json.Options),
        });
        var result = await ImportAsync(string.Join("\r\n", lines));
        result.Created.ShouldBe(1195);
        result.Errors.Select(e => e.Line).ShouldBe([701, 702, 703, 704, 705, 706, 707, 708]);
        result.Errors[0].Message.ShouldContain("content");
        result.Errors[1].Message.ShouldContain("districtCode");
        result.Errors[2].Message.ShouldContain("type");
        result.Errors[3].Message.ShouldContain("重复");
        result.Errors[4].Message.ShouldContain("closedAt");
        result.Errors[5].Message.ShouldContain("4000");
        result.Errors[6].Message.ShouldContain("NUL");
        result.Errors[7].Message.ShouldContain("偏移");

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.Tickets.CountAsync(t => t.ExternalId!.StartsWith(token + "-"), Ct)).ShouldBe(1195);
        (await db.TimelineEntries.CountAsync(e => e.Action == "Imported" && e.Note!.Contains(token), Ct)).ShouldBe(1195);
        (await db.Tickets.Where(t => t.ExternalId!.StartsWith(token + "-")).Select(t => t.Number).Distinct().CountAsync(Ct)).ShouldBe(1195);
    }

    [Fact]
    public async Task Requests_Should_BeRefused_When_TheInputIsBad()
    {
        using var agent = await ClientAsync("agent");
        foreach (var (request, field) in new[] { (new ClassifyRequest("  ", null, null), "content"), (new ClassifyRequest(new string('水', 4001), null, null), "content"), (new ClassifyRequest("停水", "zz", null), "districtCode"), (new ClassifyRequest("停水", "dc", "hd-zgc"), "streetCode") })
        {
            var response = await agent.PostAsJsonAsync("/api/intelligence/classify", request, Json.Options, Ct);
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(field);
        }

        using var callback = await ClientAsync("callback");
        (await callback.PostAsJsonAsync("/api/intelligence/classify", new ClassifyRequest("停水", null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsync("/api/intelligence/category-models", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await ClientAsync("admin");
        using (var text = new StringContent("externalId,content", Encoding.UTF8, "text/csv"))
        {
            await (await admin.PostAsync("/api/admin/history/import", text, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        using (var notArray = new StringContent("{\"externalId\":\"a\"}", Encoding.UTF8, "application/json"))
        {
            (await (await admin.PostAsync("/api/admin/history/import", notArray, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("body");
        }

        using (var empty = new StringContent("", Encoding.UTF8, "application/json"))
        {
            await (await admin.PostAsync("/api/admin/history/import", empty, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var kb = await ClientAsync("supervisor"))
        using (var payload = new StringContent("[]", Encoding.UTF8, "application/json"))
        {
            (await kb.PostAsync("/api/admin/history/import", payload, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await (await admin.GetAsync($"/api/intelligence/category-models/{Guid.NewGuid()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/intelligence/category-models/{Guid.NewGuid()}/activate", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync("/api/intelligence/category-models/acceptance?from=2026-02-01&to=2026-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Collection(IntelligenceCollection.Name)]
    public sealed class OnSqlite(SqliteApiFixture fixture) : IntelligenceTests(fixture), IClassFixture<SqliteApiFixture>;

    [Collection(IntelligenceCollection.Name)]
    public sealed class OnPostgreSql(PostgresApiFixture fixture) : IntelligenceTests(fixture), IClassFixture<PostgresApiFixture>;
}

/// <summary>A fresh installation: no model yet, so every model endpoint says so plainly.</summary>
public abstract class NoCategoryModelTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Endpoints_Should_Answer409_When_NoModelIsActive()
    {
        using var agent = await ClientAsync("agent");
        var problem = await (await agent.PostAsJsonAsync("/api/intelligence/classify", new ClassifyRequest("停水了", "dc", null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("尚无启用的智能分类模型");
        await (await agent.GetAsync("/api/intelligence/category-models/active", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The demo city's closed orders are too few to learn from.
        using var admin = await ClientAsync("admin");
        (await (await admin.PostAsync("/api/intelligence/category-models", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("训练样本不足");
    }

    [Collection(IntelligenceCollection.Name)]
    public sealed class OnSqlite(SqliteApiFixture fixture) : NoCategoryModelTests(fixture), IClassFixture<SqliteApiFixture>;
}
