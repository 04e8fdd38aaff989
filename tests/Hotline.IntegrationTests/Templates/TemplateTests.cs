using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Templates;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Templates;

/// <summary>常用语, 工单模板 and 答复模板: who reads and writes which, a unit's templates kept to the unit, and the checks on a save.</summary>
public abstract class TemplateTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Lists_Should_HoldTheDemoCitysPhrasesAndTemplates_When_AnAgentReads()
    {
        using var agent = await ClientAsync("agent");

        var phrases = await (await agent.GetAsync("/api/phrases", Ct)).ReadAsync<List<TextTemplateDto>>();
        var templates = await (await agent.GetAsync("/api/order-templates", Ct)).ReadAsync<List<TextTemplateDto>>();

        phrases.Count.ShouldBeInRange(10, 40);
        phrases.ShouldContain(p => p.Body == "您好，这里是12345市民服务热线，请问有什么可以帮您？");
        phrases.Select(p => p.SortOrder).ShouldBeInOrder();
        var water = templates.Where(t => t.Name == "停水").ShouldHaveSingleItem();
        (water.CategoryCode, water.Type, water.Urgency).ShouldBe(("sw-ts", TicketType.HelpRequest, Urgency.Urgent));
        water.Body.ShouldContain("{地点}");
        templates.Count.ShouldBeGreaterThanOrEqualTo(5);
        templates.ShouldAllBe(t => t.Kind == TextTemplateKind.OrderTemplate && t.IsActive && t.UnitId == null);
    }

    [Theory]
    [InlineData("/api/phrases", "water", HttpStatusCode.Forbidden)]
    [InlineData("/api/phrases", "callback", HttpStatusCode.Forbidden)]
    [InlineData("/api/order-templates", "kb", HttpStatusCode.Forbidden)]
    [InlineData("/api/reply-templates", "agent", HttpStatusCode.Forbidden)]
    [InlineData("/api/reply-templates", "callback", HttpStatusCode.Forbidden)]
    public async Task Read_Should_Answer403_When_TheRoleHasNoUseForTheKind(string path, string userName, HttpStatusCode expected)
    {
        using var client = await ClientAsync(userName);

        await (await client.GetAsync(path, Ct)).ShouldBeProblemAsync(expected);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("water")]
    public async Task WritePhrase_Should_Answer403_When_NotASupervisorOrAdmin(string userName)
    {
        using var client = await ClientAsync(userName);

        var response = await client.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(Unique("问候"), "您好。"), Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SupervisorEdits_Should_ReorderDeactivateAndRename_When_APhraseIsSaved()
    {
        using var supervisor = await ClientAsync("supervisor");
        using var agent = await ClientAsync("agent");
        var name = Unique("测试");

        var created = await (await supervisor.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(name, "  请您保持电话畅通。 "), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>(HttpStatusCode.Created);
        created.Body.ShouldBe("请您保持电话畅通。");
        created.IsActive.ShouldBeTrue();
        var listed = await (await agent.GetAsync("/api/phrases", Ct)).ReadAsync<List<TextTemplateDto>>();
        listed.Last().Id.ShouldBe(created.Id, "a new phrase goes last");

        var moved = await (await supervisor.PutAsJsonAsync($"/api/phrases/{created.Id}", new UpsertTextTemplateRequest(name, "请您保持电话畅通。", SortOrder: 0), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>();
        moved.SortOrder.ShouldBe(0);
        (await (await agent.GetAsync("/api/phrases", Ct)).ReadAsync<List<TextTemplateDto>>()).First().Id.ShouldBe(created.Id);

        await (await supervisor.PutAsJsonAsync($"/api/phrases/{created.Id}", new UpsertTextTemplateRequest(name, "请您保持电话畅通。", IsActive: false), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>();
        (await (await agent.GetAsync("/api/phrases", Ct)).ReadAsync<List<TextTemplateDto>>()).ShouldNotContain(p => p.Id == created.Id);
        var all = await (await supervisor.GetAsync("/api/phrases?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>();
        all.Single(p => p.Id == created.Id).ShouldSatisfyAllConditions(p => p.IsActive.ShouldBeFalse(), p => p.SortOrder.ShouldBe(0));
    }

    [Fact]
    public async Task SaveOrderTemplate_Should_KeepTheFieldsItFills_When_AnAdminCreatesOne()
    {
        using var admin = await ClientAsync("admin");

        var saved = await (await admin.PostAsJsonAsync("/api/order-templates",
                new UpsertTextTemplateRequest(Unique("停电"), "市民来电反映：{地点}停电，已持续{时长}。", CategoryCode: "dl-td", Type: TicketType.HelpRequest, Urgency: Urgency.Urgent), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>(HttpStatusCode.Created);

        (saved.Kind, saved.CategoryCode, saved.Type, saved.Urgency).ShouldBe((TextTemplateKind.OrderTemplate, "dl-td", TicketType.HelpRequest, Urgency.Urgent));
    }

    [Theory]
    [InlineData("/api/phrases", """{"name":"x","body":"  "}""", "body")]
    [InlineData("/api/phrases", """{"name":"","body":"您好"}""", "name")]
    [InlineData("/api/phrases", """{"name":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一","body":"您好"}""", "name")]
    [InlineData("/api/phrases", """{"name":"x","body":"您好","sortOrder":-1}""", "sortOrder")]
    [InlineData("/api/phrases", """{"name":"x","body":"您好","categoryCode":"sw-ts"}""", "categoryCode")]
    [InlineData("/api/order-templates", """{"name":"x","body":"您好"}""", "categoryCode")]
    [InlineData("/api/order-templates", """{"name":"x","body":"您好","categoryCode":"no-such"}""", "categoryCode")]
    [InlineData("/api/order-templates", """{"name":"x","body":"您好","categoryCode":"sw"}""", "categoryCode")]
    [InlineData("/api/order-templates", """{"name":"x","body":"您好","categoryCode":"sw-ts","urgency":"urgent"}""", "$.urgency")]
    [InlineData("/api/reply-templates", """{"name":"x","body":"您好","type":"Complaint"}""", "type")]
    [InlineData("/api/reply-templates", """{"name":"x","body":"您好","unitId":"6f1c0000-0000-0000-0000-000000000000"}""", "unitId")]
    public async Task Save_Should_Answer400AndSaveNothing_When_TheInputIsBad(string path, string json, string field)
    {
        using var supervisor = await ClientAsync("supervisor");
        var before = (await (await supervisor.GetAsync(path + "?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>()).Count;

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        var response = await supervisor.SendAsync(request, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(field);
        (await (await supervisor.GetAsync(path + "?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Save_Should_Answer400_When_TheTextIsTooLong()
    {
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(Unique("长"), new string('字', 1001)), Json.Options, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("body");
    }

    [Fact]
    public async Task Save_Should_Answer409_When_TheNameIsTaken()
    {
        using var supervisor = await ClientAsync("supervisor");
        var name = Unique("重名");
        var first = await (await supervisor.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(name, "甲"), Json.Options, Ct)).ReadAsync<TextTemplateDto>(HttpStatusCode.Created);
        var second = await (await supervisor.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(name + "乙", "乙"), Json.Options, Ct)).ReadAsync<TextTemplateDto>(HttpStatusCode.Created);

        await (await supervisor.PostAsJsonAsync("/api/phrases", new UpsertTextTemplateRequest(" " + name + " ", "丙"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.PutAsJsonAsync($"/api/phrases/{second.Id}", new UpsertTextTemplateRequest(name, "乙"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The same name in another kind is another template; saving a template under its own name is no clash.
        await (await supervisor.PostAsJsonAsync("/api/reply-templates", new UpsertTextTemplateRequest(name, "丁"), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await supervisor.PutAsJsonAsync($"/api/phrases/{first.Id}", new UpsertTextTemplateRequest(name, "甲改"), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReplyTemplates_Should_StayWithTheirUnit_When_UnitsWriteAndRead()
    {
        var units = await UnitIdsAsync();
        using var water = await ClientAsync("water");
        using var gas = await ClientAsync("gas");
        using var supervisor = await ClientAsync("supervisor");
        var name = Unique("水务");

        // A unit's template is its own whatever the body says; it cannot name another unit.
        var own = await (await water.PostAsJsonAsync("/api/reply-templates", new UpsertTextTemplateRequest(name, "{称呼}您好，已修复。"), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>(HttpStatusCode.Created);
        own.UnitId.ShouldBe(units["water"]);
        await (await water.PostAsJsonAsync("/api/reply-templates", new UpsertTextTemplateRequest(Unique("越权"), "x", UnitId: units["gas"]), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Another unit neither sees nor edits it (404, as for an order it may not see); the centre's it sees but does not edit.
        var gasList = await (await gas.GetAsync("/api/reply-templates?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>();
        gasList.ShouldNotContain(t => t.Id == own.Id);
        gasList.ShouldAllBe(t => t.UnitId == null || t.UnitId == units["gas"]);
        await (await gas.PutAsJsonAsync($"/api/reply-templates/{own.Id}", new UpsertTextTemplateRequest(name, "改"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var centre = gasList.First(t => t.UnitId == null);
        await (await gas.PutAsJsonAsync($"/api/reply-templates/{centre.Id}", new UpsertTextTemplateRequest(centre.Name, "改"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The owner edits it and sees it with the centre's (centre's first); supervisors see every unit's.
        await (await water.PutAsJsonAsync($"/api/reply-templates/{own.Id}", new UpsertTextTemplateRequest(name, "{称呼}您好，管线已修复。", IsActive: false), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var waterList = await (await water.GetAsync("/api/reply-templates?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>();
        waterList.Single(t => t.Id == own.Id).ShouldSatisfyAllConditions(t => t.IsActive.ShouldBeFalse(), t => t.Body.ShouldBe("{称呼}您好，管线已修复。"));
        waterList.ShouldContain(t => t.UnitId == null);
        waterList.TakeWhile(t => t.UnitId == null).Count().ShouldBe(waterList.Count(t => t.UnitId == null));
        (await (await water.GetAsync("/api/reply-templates", Ct)).ReadAsync<List<TextTemplateDto>>()).ShouldNotContain(t => t.Id == own.Id);
        var all = await (await supervisor.GetAsync("/api/reply-templates?includeInactive=true", Ct)).ReadAsync<List<TextTemplateDto>>();
        all.ShouldContain(t => t.Id == own.Id);
        all.ShouldContain(t => t.UnitId == units["water"] && t.Name == "管网抢修完成");

        // A supervisor may write a unit's template too, and the centre-wide ones.
        var forGas = await (await supervisor.PostAsJsonAsync("/api/reply-templates", new UpsertTextTemplateRequest(Unique("燃气"), "您好。", UnitId: units["gas"]), Json.Options, Ct))
            .ReadAsync<TextTemplateDto>(HttpStatusCode.Created);
        (await (await gas.GetAsync("/api/reply-templates", Ct)).ReadAsync<List<TextTemplateDto>>()).ShouldContain(t => t.Id == forGas.Id);
        (await (await water.GetAsync("/api/reply-templates", Ct)).ReadAsync<List<TextTemplateDto>>()).ShouldNotContain(t => t.Id == forGas.Id);
    }

    [Fact]
    public async Task Save_Should_Answer404_When_TheIdIsOfAnotherKind()
    {
        using var supervisor = await ClientAsync("supervisor");
        var phrase = (await (await supervisor.GetAsync("/api/phrases", Ct)).ReadAsync<List<TextTemplateDto>>()).First();

        await (await supervisor.PutAsJsonAsync($"/api/order-templates/{phrase.Id}", new UpsertTextTemplateRequest("x", "y", CategoryCode: "sw-ts"), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TemplateTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TemplateTests(fixture), IClassFixture<PostgresApiFixture>;
}
