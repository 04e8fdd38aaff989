using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts.Knowledge;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Knowledge;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Knowledge;

/// <summary>Import, search, review and the knowledge that improves itself, through HTTP, on each provider.</summary>
public abstract class KnowledgeBaseTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    /// <summary>A word no article holds: letters only, so the analyzer keeps it whole.</summary>
    private static string Token() => "zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(10).Select(b => (char)('a' + (b % 26))));

    private async Task<KnowledgeSearchResult> SearchAsync(string user, string query, string extra = "")
    {
        using var client = await ClientAsync(user);
        return await (await client.GetAsync($"/api/knowledge/search?q={Uri.EscapeDataString(query)}{extra}", Ct)).ReadAsync<KnowledgeSearchResult>();
    }

    private async Task<ImportResult> ImportAsync(string payload, string contentType = "application/x-ndjson")
    {
        using var kb = await ClientAsync("kb");
        using var content = new StringContent(payload, Encoding.UTF8, contentType);
        return await (await kb.PostAsync("/api/knowledge/import", content, Ct)).ReadAsync<ImportResult>();
    }

    private async Task<ArticleDto> PublishedAsync(string title, string body, KnowledgeAudience audience = KnowledgeAudience.Public, Guid? owner = null, DateTimeOffset? validTo = null)
    {
        using var kb = await ClientAsync("kb");
        var draft = await (await kb.PostAsJsonAsync("/api/knowledge/articles", new ArticleRequest(title, body, audience, ["测试"], null, null, null, owner, null, validTo, null, null), Json.Options, Ct))
            .ReadAsync<ArticleDto>(HttpStatusCode.Created);
        var submitted = await (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/submit", new NoteOnlyRequest(null, draft.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        using var supervisor = await ClientAsync("supervisor");
        return await (await supervisor.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(true, null, submitted.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
    }

    [Fact]
    public async Task Import_Should_CreateThe160Articles_Then_LeaveThemUnchanged_And_ReportBadLines()
    {
        var folder = KnowledgeData.Folder();
        if (folder is null)
        {
            Assert.Skip(KnowledgeData.SkipReason);
        }

        var payload = await File.ReadAllTextAsync(Path.Combine(folder, "articles.jsonl"), Ct);

        var first = await ImportAsync(payload);
        (first.Created, first.Updated, first.Unchanged, first.Errors.Count).ShouldBe((160, 0, 0, 0), $"errors: {string.Join("; ", first.Errors)}");
        var again = await ImportAsync(payload);
        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 160));

        var array = """[{"externalId":"KB001","title":"职工社会保险参保登记（单位招用新员工）修订","body":"新版正文：用人单位应自用工之日起30日内办理参保登记。","category":"社保","keywords":["参保登记"],"audience":"Public"},{"externalId":"KB-bad","title":"","body":"x","audience":"public"}]""";
        var mixed = await ImportAsync(array, "application/json");
        (mixed.Created, mixed.Updated, mixed.Unchanged).ShouldBe((0, 1, 0));
        mixed.Errors.Single().Line.ShouldBe(2);

        var found = await SearchAsync("agent", "住房公积金租房提取");
        found.Items.First().ExternalId.ShouldBe("KB017");
        found.Items.First().Snippet.ShouldContain("<mark>");

        using var kb = await ClientAsync("kb");
        var export = await (await kb.GetAsync("/api/knowledge/export", Ct)).Content.ReadAsStringAsync(Ct);
        export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThanOrEqualTo(160);
        export.ShouldContain("\"externalId\":\"KB160\"");
        (await ImportAsync(export)).Created.ShouldBe(0);
    }

    [Fact]
    public async Task Import_Should_WriteNothing_When_EveryLineIsBad_And_Answer415_ForOtherContentTypes()
    {
        var result = await ImportAsync("{\"externalId\":\"X1\"}\nnot json\n");
        result.Errors.Select(e => e.Line).ShouldBe([1, 2]);
        result.Created.ShouldBe(0);

        using var kb = await ClientAsync("kb");
        using var text = new StringContent("a", Encoding.UTF8, "text/csv");
        await (await kb.PostAsync("/api/knowledge/import", text, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var agent = await ClientAsync("agent");
        using var body = new StringContent("[]", Encoding.UTF8, "application/json");
        (await agent.PostAsync("/api/knowledge/import", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_Should_Answer400_When_TheQueryIsEmpty(string q)
    {
        using var agent = await ClientAsync("agent");
        await (await agent.GetAsync($"/api/knowledge/search?q={Uri.EscapeDataString(q)}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_Should_Answer400_ForOver500Characters_And_NothingForPunctuation()
    {
        using var agent = await ClientAsync("agent");
        await (await agent.GetAsync($"/api/knowledge/search?q={new string('水', 501)}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var punctuation = await SearchAsync("agent", "？？！！。。");
        punctuation.Total.ShouldBe(0);
        punctuation.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Review_Should_PublishOnlyAfterApproval_ByAnotherPerson()
    {
        var token = Token();
        using var kb = await ClientAsync("kb");
        var draft = await (await kb.PostAsJsonAsync("/api/knowledge/articles", new ArticleRequest($"{token} 审核测试", "正文 <script>alert(1)</script>", KnowledgeAudience.Public, null, null, null, null, null, null, null, null, null), Json.Options, Ct))
            .ReadAsync<ArticleDto>(HttpStatusCode.Created);
        draft.BodyHtml.ShouldNotContain("<script");
        (await SearchAsync("agent", token)).Total.ShouldBe(0);

        var submitted = await (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/submit", new NoteOnlyRequest(null, draft.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        submitted.Status.ShouldBe(ArticleStatus.InReview);
        (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(true, null, submitted.Version), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(false, null, submitted.Version), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var sentBack = await (await supervisor.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(false, "请补充办理时限", submitted.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        sentBack.Status.ShouldBe(ArticleStatus.Draft);
        sentBack.ReviewNote.ShouldBe("请补充办理时限");

        var edit = new ArticleRequest($"{token} 审核测试", "正文：办理时限为5个工作日。", KnowledgeAudience.Public, null, null, null, null, null, null, null, null, sentBack.Version);
        await (await kb.PutAsJsonAsync($"/api/knowledge/articles/{draft.Id}", edit with { Version = 1 }, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var edited = await (await kb.PutAsJsonAsync($"/api/knowledge/articles/{draft.Id}", edit, Json.Options, Ct)).ReadAsync<ArticleDto>();
        var resubmitted = await (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/submit", new NoteOnlyRequest(null, edited.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        var published = await (await supervisor.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/review", new ReviewRequest(true, null, resubmitted.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        published.Status.ShouldBe(ArticleStatus.Published);

        (await SearchAsync("agent", token)).Items.Single().Id.ShouldBe(draft.Id);
        var versions = await (await kb.GetAsync($"/api/knowledge/articles/{draft.Id}/versions", Ct)).ReadAsync<List<ArticleVersionDto>>();
        versions.Select(v => v.Change).ShouldBe([ArticleChange.Published, ArticleChange.Submitted, ArticleChange.Edited, ArticleChange.SentBack, ArticleChange.Submitted, ArticleChange.Created]);
        versions.Single(v => v.Change == ArticleChange.Published).ChangedBy.ShouldBe("supervisor");

        var retired = await (await kb.PostAsJsonAsync($"/api/knowledge/articles/{draft.Id}/retire", new NoteOnlyRequest("政策调整", published.Version), Json.Options, Ct)).ReadAsync<ArticleDto>();
        retired.Status.ShouldBe(ArticleStatus.Retired);
        (await SearchAsync("agent", token)).Total.ShouldBe(0);
        (await (await kb.GetAsync($"/api/knowledge/articles/{draft.Id}/versions", Ct)).ReadAsync<List<ArticleVersionDto>>()).Count.ShouldBe(7);
    }

    [Fact]
    public async Task PublicSearch_Should_FindPublicValidArticlesOnly()
    {
        var token = Token();
        var open = await PublishedAsync($"{token} 公开答复", "公开内容。");
        await PublishedAsync($"{token} 内部指引", "内部内容。", KnowledgeAudience.Internal);
        var expired = await PublishedAsync($"{token} 旧政策", "旧内容。", validTo: DateTimeOffset.UtcNow.AddSeconds(2));
        await WaitUntilAsync(() => DateTimeOffset.UtcNow > expired.ValidTo!.Value.AddMilliseconds(100));

        using var anonymous = Fixture.AnonymousClient();
        var result = await (await anonymous.GetAsync($"/api/public/knowledge/search?q={token}", Ct)).ReadAsync<KnowledgeSearchResult>();
        result.Items.Select(i => i.Id).ShouldBe([open.Id]);
        (await anonymous.GetAsync($"/api/public/knowledge/articles/{open.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SearchAsync("agent", token)).Items.Count.ShouldBe(2);
        var withExpired = await SearchAsync("agent", token, "&includeExpired=true");
        withExpired.Items.Single(i => i.Id == expired.Id).Expired.ShouldBeTrue();
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync($"/api/knowledge/articles/{expired.Id}", Ct)).ReadAsync<ArticleDto>()).ValidityLabel.ShouldBe("已失效");
    }

    [Fact]
    public async Task DepartmentSearch_Should_ShowInternalGuidesOfItsOwnUnitOnly()
    {
        var token = Token();
        var units = await UnitIdsAsync();
        var own = await PublishedAsync($"{token} 自来水内部指引", "内部。", KnowledgeAudience.Internal, units["water"]);
        await PublishedAsync($"{token} 电力内部指引", "内部。", KnowledgeAudience.Internal, units["power"]);

        (await SearchAsync("water", token)).Items.Select(i => i.Id).ShouldBe([own.Id]);
        (await SearchAsync("agent", token)).Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AnswerFromArticle_Should_RecordArticleAndVersion_And_CountUsesViewsVotes()
    {
        var article = await PublishedAsync($"{Token()} 停水答复", "计划停水请查询官网。");
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");

        var answered = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/answer", new AnswerRequest("已按知识库答复。", ticket.Version, article.Id), Json.Options, Ct)).ReadAsync<TicketDto>();
        answered.AnswerArticle.ShouldBe(new AnswerArticleDto(article.Id, article.PublishedVersion!.Value));
        await (await agent.PostAsJsonAsync($"/api/knowledge/articles/{article.Id}/views", new ArticleViewRequest(null), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await agent.PostAsJsonAsync($"/api/knowledge/articles/{article.Id}/votes", new ArticleVoteRequest(false), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stats = await (await agent.PostAsJsonAsync($"/api/knowledge/articles/{article.Id}/votes", new ArticleVoteRequest(true), Json.Options, Ct)).ReadAsync<ArticleStatsDto>();

        stats.ShouldBe(new ArticleStatsDto(1, 1, 1, 0));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var saved = await db.Tickets.FindAsync([ticket.Id], Ct);
        (saved!.AnswerArticleId, saved.AnswerArticleVersion).ShouldBe((article.Id, article.PublishedVersion));
    }

    [Fact]
    public async Task Gaps_Should_ListSearchesWithoutResults_And_SearchesNobodyOpened()
    {
        var nothing = Token();
        var article = await PublishedAsync($"{Token()} 缺口测试", "正文。");
        var opened = await SearchAsync("agent", article.Title);
        await SearchAsync("agent", nothing);
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync($"/api/knowledge/articles/{article.Id}/views", new ArticleViewRequest(opened.SearchId), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await Fixture.Factory.Services.GetRequiredService<KnowledgeActivityQueue>().FlushAsync(TimeSpan.FromSeconds(10), Ct);

        using var kb = await ClientAsync("kb");
        var gaps = await (await kb.GetAsync("/api/knowledge/gaps?top=500", Ct)).ReadAsync<List<KnowledgeGapDto>>();
        gaps.Single(g => g.Query == nothing).NoResult.ShouldBe(1);
        gaps.ShouldNotContain(g => g.Query == opened.Items[0].Title.ToLowerInvariant());
    }

    [Fact]
    public async Task Insights_Should_Count_ThePublicFormsDeflections_Apart_FromStaffSearches()
    {
        var article = await PublishedAsync($"{Token()} 分流测试", "可以在网上办理。");
        using var kb = await ClientAsync("kb");
        // Searches of earlier tests still gathering in the queue must not land between the two counts.
        await Fixture.Factory.Services.GetRequiredService<KnowledgeActivityQueue>().FlushAsync(TimeSpan.FromSeconds(10), Ct);
        var before = await (await kb.GetAsync("/api/knowledge/insights", Ct)).ReadAsync<KnowledgeInsightsDto>();

        using var citizen = Fixture.Factory.CreateClient();
        var found = await (await citizen.GetAsync($"/api/public/knowledge/search?q={Uri.EscapeDataString(article.Title)}&top=3", Ct)).ReadAsync<KnowledgeSearchResult>();
        found.Items[0].Id.ShouldBe(article.Id);
        await (await citizen.PostAsJsonAsync($"/api/public/knowledge/articles/{article.Id}/views", new ArticleViewRequest(found.SearchId), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await citizen.PostAsJsonAsync("/api/public/knowledge/deflections", new DeflectionRequest(found.SearchId, article.Id), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await SearchAsync("agent", article.Title);
        await Fixture.Factory.Services.GetRequiredService<KnowledgeActivityQueue>().FlushAsync(TimeSpan.FromSeconds(10), Ct);

        var after = await (await kb.GetAsync("/api/knowledge/insights", Ct)).ReadAsync<KnowledgeInsightsDto>();
        after.Public.ShouldBe(before.Public with { Searches = before.Public.Searches + 1, Opened = before.Public.Opened + 1, Deflected = before.Public.Deflected + 1 });
        after.Staff.Searches.ShouldBe(before.Staff.Searches + 1);
        after.Staff.Deflected.ShouldBe(before.Staff.Deflected);
        using var agent = await ClientAsync("agent");
        await (await agent.GetAsync("/api/knowledge/insights", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SynonymSeed_Should_GoInOnce_When_ASecondNodeSeedsTheSameEmptyTableAtOnce()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var seeded = await db.Set<KnowledgeSynonymGroup>().CountAsync(g => g.UpdatedBy == "system", Ct);
        seeded.ShouldBeGreaterThanOrEqualTo(KnowledgeSetup.LoadSeedSynonyms().Count);

        // The second node passed its "is the table empty?" check before the first committed: its insert collides.
        await KnowledgeSetup.InsertSeedSynonymsAsync(db, TimeProvider.System, Ct);

        await using var fresh = Fixture.Factory.Services.CreateAsyncScope();
        (await fresh.ServiceProvider.GetRequiredService<HotlineDbContext>().Set<KnowledgeSynonymGroup>().CountAsync(g => g.UpdatedBy == "system", Ct)).ShouldBe(seeded);
    }

    [Fact]
    public async Task Preview_Should_RenderMarkdown_Sanitized_AsASavedArticle_And_StoreNothing()
    {
        using var kb = await ClientAsync("kb");
        var preview = await (await kb.PostAsJsonAsync("/api/knowledge/preview", new ArticlePreviewRequest("# 标题\n\n**加粗** <script>alert(1)</script> [链接](javascript:alert(2))"), Json.Options, Ct))
            .ReadAsync<ArticlePreviewDto>();
        preview.Html.ShouldContain("<strong>加粗</strong>");
        preview.Html.ShouldNotContain("<script");
        preview.Html.ShouldNotContain("javascript:");

        await (await kb.PostAsJsonAsync("/api/knowledge/preview", new ArticlePreviewRequest(new string('字', 20_001)), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync("/api/knowledge/preview", new ArticlePreviewRequest("正文"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Synonyms_Should_ReachTheSearch_And_Corrections_TheEditorsQueue()
    {
        var (spoken, written) = (Token(), Token());
        var article = await PublishedAsync($"{written} 同义词测试", "正文。");
        (await SearchAsync("agent", spoken)).Total.ShouldBe(0);

        using var kb = await ClientAsync("kb");
        await (await kb.PostAsJsonAsync("/api/knowledge/synonyms", new SynonymGroupRequest([spoken, written], null), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await SearchAsync("agent", spoken)).Items.Single().Id.ShouldBe(article.Id);
        await (await kb.PostAsJsonAsync("/api/knowledge/synonyms", new SynonymGroupRequest([spoken], null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var water = await ClientAsync("water");
        await (await water.PostAsJsonAsync($"/api/knowledge/articles/{article.Id}/corrections", new CorrectionRequest("电话号码已变更"), Json.Options, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var queue = await (await kb.GetAsync("/api/knowledge/corrections?status=Open", Ct)).ReadAsync<List<CorrectionDto>>();
        var correction = queue.Single(c => c.ArticleId == article.Id);
        correction.ProposedBy.ShouldBe("water");
        var resolved = await (await kb.PostAsJsonAsync($"/api/knowledge/corrections/{correction.Id}/resolution", new ResolveCorrectionRequest(true, "已更新"), Json.Options, Ct)).ReadAsync<CorrectionDto>();
        resolved.Status.ShouldBe(CorrectionStatus.Accepted);
    }

    [Fact]
    public async Task Index_Should_PickUpAChangeMadeOnAnotherNode_FromTheChangeLog()
    {
        var token = Token();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            // Written straight to the database, as another API node would: this node learns of it only by polling.
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var actor = new Actor(Guid.NewGuid(), "other-node", [Hotline.Contracts.Roles.KnowledgeEditor], null);
            var now = DateTimeOffset.UtcNow;
            var article = KnowledgeArticle.Imported(Guid.NewGuid(), ArticleContent.Create($"{token} 其他节点", "正文。", KnowledgeAudience.Public, null, null, null, null, null, null, null), token, actor, now);
            db.Set<KnowledgeArticle>().Add(article);
            KnowledgeChanges.Record(db, article.Id, now);
            await db.SaveChangesAsync(Ct);
        }

        await WaitUntilAsync(() => Fixture.Factory.Services.GetRequiredService<KnowledgeIndex>().Search(new IndexQuery(token, 5, DateTimeOffset.UtcNow)).Total == 1);
        (await SearchAsync("agent", token)).Items.Single().ExternalId.ShouldBe(token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : KnowledgeBaseTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : KnowledgeBaseTests(fixture), IClassFixture<PostgresApiFixture>;
}
