using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Contracts.Assist;
using Hotline.Contracts.Knowledge;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Intelligence;

/// <summary>大模型辅助 against a scripted OpenAI-compatible server on 127.0.0.1: suggestions, masking, and every failure path.</summary>
public abstract class AssistTests : ApiTestBase
{
    private const string Phone = "13912345678";
    private const string IdCard = "110101199003074518";
    private const string Landline = "010-65123456";

    private readonly AssistFixture _assist;

    protected AssistTests(AssistFixture fixture) : base(fixture)
    {
        _assist = fixture;
        fixture.Chat.Reset();
    }

    private ScriptedChatServer Chat => _assist.Chat;

    private async Task<HttpResponseMessage> PostAsync(string user, string path, object body)
    {
        using var client = await ClientAsync(user);
        return await client.PostAsJsonAsync(path, body, Json.Options, Ct);
    }

    /// <summary>The user messages the server received, as the model saw them.</summary>
    private List<string> SentTexts() => Chat.Bodies
        .SelectMany(b => JsonDocument.Parse(b).RootElement.GetProperty("messages").EnumerateArray())
        .Select(m => m.GetProperty("content").GetString()!)
        .ToList();

    private void ShouldHaveSentNoNumbers()
    {
        Chat.Bodies.ShouldNotBeEmpty();
        foreach (var body in Chat.Bodies)
        {
            body.ShouldNotContain(Phone);
            body.ShouldNotContain(IdCard);
            body.ShouldNotContain("65123456");
            body.ShouldNotContain("139 1234 5678");
        }
    }

    [Fact]
    public async Task Summary_Should_MaskNumbersBeforeTheyLeave_And_RestoreThemInTheSuggestion()
    {
        Chat.Answer("“东华门大街1号楼上深夜装修扰民，市民要求制止，回电[手机号1]”");

        var response = await PostAsync("agent", "/api/assist/summary", new AssistTextRequest(
            $"您好，我住在东华门大街1号，楼上邻居天天半夜装修，电钻声特别大，已经找过物业好几次都没用，我电话{Phone}，也可以打家里{Landline}，我身份证号{IdCard}，希望你们管一管。也可以打 139 1234 5678。"));
        var summary = await response.ReadAsync<AssistSummaryDto>();

        summary.Summary.ShouldBe($"东华门大街1号楼上深夜装修扰民，市民要求制止，回电{Phone}");
        summary.Model.ShouldBe(AssistFixture.Model);
        ShouldHaveSentNoNumbers();
        var sent = SentTexts();
        sent.ShouldContain(t => t.Contains("[手机号1]") && t.Contains("[电话1]") && t.Contains("[身份证号1]"));
        using var request = JsonDocument.Parse(Chat.Bodies.Single());
        request.RootElement.GetProperty("model").GetString().ShouldBe(AssistFixture.Model);
        Chat.Authorizations.Single().ShouldBe($"Bearer {AssistFixture.ApiKey}");
    }

    [Fact]
    public async Task Place_Should_KeepOnlyWhatTheCatalogueHas()
    {
        Chat.Answer("```json\n{\"districtCode\": \"dc\", \"streetCode\": \"dc-dhm\", \"address\": \"东华门大街3号院\"}\n```");
        var found = await (await PostAsync("agent", "/api/assist/place", new AssistTextRequest("东城区东华门大街3号院门口的井盖丢了"))).ReadAsync<AssistPlaceDto>();
        found.ShouldBe(new AssistPlaceDto("dc", "东城区", "dc-dhm", "东华门街道", "东华门大街3号院", AssistFixture.Model));
        SentTexts()[0].ShouldContain("dc-dhm 东华门街道"); // the catalogue was offered

        // A street of another district is dropped (the district the text names wins); only a street gives its district.
        Chat.Answer("{\"districtCode\": \"xc\", \"streetCode\": \"dc-dhm\", \"address\": null}");
        (await (await PostAsync("supervisor", "/api/assist/place", new AssistTextRequest("西城区的井盖丢了"))).ReadAsync<AssistPlaceDto>())
            .ShouldBe(new AssistPlaceDto("xc", "西城区", null, null, null, AssistFixture.Model));
        Chat.Answer("{\"districtCode\": null, \"streetCode\": \"xc-ssh\"}");
        (await (await PostAsync("agent", "/api/assist/place", new AssistTextRequest("什刹海那边的井盖丢了"))).ReadAsync<AssistPlaceDto>())
            .ShouldBe(new AssistPlaceDto("xc", "西城区", "xc-ssh", "什刹海街道", null, AssistFixture.Model));

        // Codes the catalogue does not have are not suggested.
        Chat.Answer("{\"districtCode\": \"zz\", \"streetCode\": \"zz-1\", \"address\": \"火星路1号\"}");
        (await (await PostAsync("agent", "/api/assist/place", new AssistTextRequest("火星路1号的井盖丢了"))).ReadAsync<AssistPlaceDto>())
            .ShouldBe(new AssistPlaceDto(null, null, null, null, "火星路1号", AssistFixture.Model));

        // An answer that is not the JSON asked for is the model's failure: 502.
        Chat.Answer("我无法确定地点。");
        await (await PostAsync("agent", "/api/assist/place", new AssistTextRequest("井盖丢了"))).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task DraftAnswer_Should_WriteFromTheKnowledgeArticle_ForTheLeadUnitOnly_AndChangeNothing()
    {
        var word = "zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));
        using var kb = await ClientAsync("kb");
        var draft = await (await kb.PostAsJsonAsync("/api/knowledge/articles", new ArticleRequest(
                $"{word}停水抢修时限", $"{word}供水管道抢修一般在24小时内恢复供水，可拨打供水服务热线96116查询。", KnowledgeAudience.Public, ["供水"], null, null, null, null, null, null, null, null), Json.Options, Ct))
            .ReadAsync<ArticleDto>(HttpStatusCode.Created);
        var submitted = await (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/submit", new NoteOnlyRequest(null, draft.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(true, null, submitted.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        var ticket = await RegisterAndDispatchAsync(NewTicket(content: $"{word}小区停水一天了，什么时候能恢复？联系电话{Phone}"));

        Chat.Answer("您好，经查询，供水管道抢修一般在24小时内恢复供水，您可拨打96116查询进度，或回电[手机号1]告知。");
        var result = await (await PostAsync("water", "/api/assist/draft-answer", new AssistDraftRequest(ticket.Id))).ReadAsync<AssistDraftDto>();

        result.ArticleId.ShouldBe(draft.Id);
        result.ArticleTitle.ShouldBe($"{word}停水抢修时限");
        result.Draft.ShouldBe($"您好，经查询，供水管道抢修一般在24小时内恢复供水，您可拨打96116查询进度，或回电{Phone}告知。");
        SentTexts().ShouldContain(t => t.Contains($"{word}供水管道抢修") && t.Contains("[手机号1]"));
        ShouldHaveSentNoNumbers();
        (await TicketAsync(ticket.Id)).Version.ShouldBe(ticket.Version); // a suggestion: nothing written

        // Another unit does not see the order; an order no article speaks of gets no draft and no model call.
        (await PostAsync("gas", "/api/assist/draft-answer", new AssistDraftRequest(ticket.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknown = await RegisterAndDispatchAsync(NewTicket(content: "zzqqxxyy wwvvuu"));
        Chat.Reset();
        (await (await PostAsync("water", "/api/assist/draft-answer", new AssistDraftRequest(unknown.Id))).ReadAsync<AssistDraftDto>())
            .ShouldBe(new AssistDraftDto(null, null, null, AssistFixture.Model));
        Chat.Bodies.ShouldBeEmpty();
        await (await PostAsync("water", "/api/assist/draft-answer", new AssistDraftRequest(null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Failures_Should_Answer502Or504_NeverA500()
    {
        var body = new AssistTextRequest("楼上半夜装修太吵了");

        Chat.Fail(500);
        var failed = await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        failed.GetProperty("detail").GetString()!.ShouldContain("500");

        Chat.Fail(401);
        await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        Chat.Garbage();
        await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        Chat.Answer("   ");
        await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        Chat.Drop();
        await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        Chat.Hang();
        var slow = await (await PostAsync("agent", "/api/assist/summary", body)).ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout);
        slow.GetProperty("detail").GetString()!.ShouldContain("5 秒");

        // Still answering after all that (one request each: no retries).
        Chat.Answer("楼上半夜装修扰民");
        (await (await PostAsync("agent", "/api/assist/summary", body)).ReadAsync<AssistSummaryDto>()).Summary.ShouldBe("楼上半夜装修扰民");
        Chat.Bodies.Count.ShouldBe(7);
    }

    [Fact]
    public async Task BadInput_Should_Answer400_WithoutAskingTheModel()
    {
        (await (await PostAsync("agent", "/api/assist/summary", new AssistTextRequest(" "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["content"]);
        (await (await PostAsync("agent", "/api/assist/summary", new AssistTextRequest(null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["content"]);
        (await (await PostAsync("agent", "/api/assist/place", new AssistTextRequest(new string('水', 4001)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["content"]);
        (await PostAsync("water", "/api/assist/summary", new AssistTextRequest("停水"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Chat.Bodies.ShouldBeEmpty();

        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync("/api/assist", Ct)).ReadAsync<AssistStatusDto>()).ShouldBe(new AssistStatusDto(true, AssistFixture.Model));
    }

    public sealed class OnSqlite(SqliteAssistFixture fixture) : AssistTests(fixture), IClassFixture<SqliteAssistFixture>;

    public sealed class OnPostgreSql(PostgresAssistFixture fixture) : AssistTests(fixture), IClassFixture<PostgresAssistFixture>;
}

/// <summary>Off by default: the endpoints say so (409) and the console can ask first.</summary>
public sealed class AssistOffTests(SqliteApiFixture fixture) : ApiTestBase(fixture), IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Assist_Should_Answer409_WhenNoModelIsConfigured()
    {
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync("/api/assist", Ct)).ReadAsync<AssistStatusDto>()).ShouldBe(new AssistStatusDto(false, null));

        var problem = await (await agent.PostAsJsonAsync("/api/assist/summary", new AssistTextRequest("楼上半夜装修太吵了"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("大模型辅助未启用");
        await (await agent.PostAsJsonAsync("/api/assist/place", new AssistTextRequest("东华门大街"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var ticket = await RegisterAsync();
        await (await agent.PostAsJsonAsync("/api/assist/draft-answer", new AssistDraftRequest(ticket.Id), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
