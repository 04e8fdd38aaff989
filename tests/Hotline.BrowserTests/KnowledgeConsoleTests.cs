using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The knowledge base as its users meet it (demo knowledge of the embedded database): the agent's panel follows
/// the demand as it is typed and answers on the spot with one click; an editor writes a draft with a live preview
/// and a supervisor publishes it from the review queue; a citizen on the public form sees an answer before
/// submitting and leaves, which counts as a deflection.
/// </summary>
public sealed class KnowledgeConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task AgentPanel_Should_Suggest_While_Typing_And_Answer_On_The_Spot_With_The_Article()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            var panel = agent.GetByTestId("knowledge-panel");
            await Expect(panel).ToContainTextAsync("填写诉求内容后自动查找相关知识");

            await agent.Locator("#type").SelectOptionAsync("Consultation");
            await agent.Locator("#category-search").FillAsync("公积金");
            await agent.Locator("#category").SelectOptionAsync("zc-gjj");
            await agent.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            // Typed key by key as an agent does while the caller talks: the panel follows without a reload.
            await agent.Locator("#content").PressSequentiallyAsync("我在外面租房子住，想问问公积金能不能取出来交房租");
            var first = panel.Locator(".kb-hit").First;
            await Expect(first).ToContainTextAsync("租房提取住房公积金");
            await Expect(first.Locator("mark").First).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "knowledge-agent-panel");

            // One key opens the first article (accesskey 1: Alt+1 in Chromium).
            await agent.Keyboard.PressAsync("Alt+1");
            var article = panel.GetByTestId("knowledge-article");
            await Expect(article).ToContainTextAsync("租房提取");
            await Expect(article).ToContainTextAsync("浏览 1");
            await agent.GetByTestId("use-article").ClickAsync();
            await Expect(agent.GetByTestId("cited")).ToContainTextAsync("租房提取住房公积金");

            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();
            var created = agent.GetByTestId("created");
            await Expect(created).ToContainTextAsync("已登记工单");
            await Expect(agent.Locator("#answer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("租房提取"));
            await Expect(agent.GetByTestId("answer-source")).ToContainTextAsync("租房提取住房公积金");
            await ConsoleFixture.ScreenshotAsync(agent, "knowledge-answer-on-the-spot");
            await agent.GetByRole(AriaRole.Button, new() { Name = "直接答复办结" }).ClickAsync();
            await Expect(created).ToContainTextAsync("已直接答复办结");

            await created.Locator("a").First.ClickAsync();
            await Expect(agent.GetByTestId("answer-article")).ToContainTextAsync("第 1 版");
            await agent.GetByTestId("answer-article").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(agent.GetByTestId("knowledge-article")).ToContainTextAsync("引用 1");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Editor_Should_Preview_Safely_And_A_Supervisor_Should_Publish_From_The_Review_Queue()
    {
        var kb = await console.SignInAsync("kb", "knowledge/articles");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        var title = "电动自行车集中充电 " + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await Expect(kb.GetByTestId("article-list")).ToContainTextAsync("突然停水怎么办");
            await kb.GetByRole(AriaRole.Link, new() { Name = "新建条目" }).ClickAsync();
            await kb.Locator("#kb-title").FillAsync(title);
            await kb.Locator("#kb-body").FillAsync("## 充电地点\n\n请到小区**集中充电棚**充电。<img src=x onerror=\"window.__xss=1\">");
            var preview = kb.GetByTestId("preview");
            await Expect(preview.Locator("strong")).ToHaveTextAsync("集中充电棚");
            await Expect(preview.Locator("h2", new() { HasText = "充电地点" })).ToBeVisibleAsync();
            await Expect(preview.Locator("img")).ToHaveCountAsync(0);
            await kb.Locator("#kb-keywords").FillAsync("电动车、充电");
            await kb.Locator("#category-search").FillAsync("物业");
            await kb.Locator("#category").SelectOptionAsync("wy-fw");
            await ConsoleFixture.ScreenshotAsync(kb, "knowledge-editor");
            await kb.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

            var article = kb.GetByTestId("knowledge-article");
            await Expect(article).ToContainTextAsync("草稿");
            await kb.GetByTestId("submit-article").ClickAsync();
            await Expect(article).ToContainTextAsync("待审核");
            (await kb.EvaluateAsync<JsonElement>("() => window.__xss ?? null")).ValueKind.ShouldBe(JsonValueKind.Null);

            await supervisor.GotoAsync("knowledge/review");
            await supervisor.GetByTestId("article-list").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(supervisor.GetByTestId("review-form")).ToBeVisibleAsync();
            await Expect(supervisor.GetByTestId("versions")).ToContainTextAsync("提交审核");
            await ConsoleFixture.ScreenshotAsync(supervisor, "knowledge-review");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
            await Expect(supervisor.Locator("p.ok")).ToHaveTextAsync("已发布。");
            await Expect(supervisor.GetByTestId("review-form")).ToBeHiddenAsync();

            // Published: an agent finds it.
            using var agent = await console.ApiClientAsync("agent");
            var found = await agent.GetFromJsonAsync<JsonElement>($"api/knowledge/search?q={Uri.EscapeDataString("电动车充电")}&top=3", TestContext.Current.CancellationToken);
            found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldContain(title);
        }
        finally
        {
            await kb.Context.CloseAsync();
            await supervisor.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PublicForm_Should_Suggest_Answers_And_Count_A_Citizen_Who_Leaves_After_Reading_One()
    {
        using var kb = await console.ApiClientAsync("kb");
        var before = (await kb.GetFromJsonAsync<JsonElement>("api/knowledge/insights", TestContext.Current.CancellationToken)).GetProperty("public").GetProperty("deflected").GetInt32();
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/citizen/");
            await page.GetByLabel("诉求内容").PressSequentiallyAsync("楼道里燃气味很大，怎么办");
            var suggestions = page.GetByTestId("suggestions");
            await Expect(suggestions.GetByRole(AriaRole.Heading, new() { Name = "您的问题可能已有答案" })).ToBeVisibleAsync();
            var first = suggestions.Locator("button.suggestion").First;
            await Expect(first).ToContainTextAsync("燃气泄漏");
            await first.ClickAsync();
            await Expect(page.Locator("#suggestion-body")).ToContainTextAsync("关闭燃气表前阀门");
            await ConsoleFixture.ScreenshotAsync(page, "knowledge-citizen-suggestion");

            await page.GetByRole(AriaRole.Button, new() { Name = "问题已解决，不用提交了" }).ClickAsync();
            await Expect(page.Locator("#deflected")).ToBeVisibleAsync();
            // The form stays: a citizen whose problem was not solved can still submit.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" })).ToBeEnabledAsync();
        }
        finally
        {
            await context.CloseAsync();
        }

        // Search activity is written in the background: wait for the count, bounded.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var now = (await kb.GetFromJsonAsync<JsonElement>("api/knowledge/insights", deadline.Token)).GetProperty("public").GetProperty("deflected").GetInt32();
            if (now == before + 1)
            {
                break;
            }

            now.ShouldBeLessThanOrEqualTo(before + 1);
            await Task.Delay(200, deadline.Token);
        }
    }
}
