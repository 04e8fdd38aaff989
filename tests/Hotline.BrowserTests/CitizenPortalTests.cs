using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// A citizen with no account submits on the public form, the agent's workspace (already open) shows the order
/// without a reload and renders the typed markup as text, the agent answers, and the tracking page shows the answer.
/// </summary>
public sealed class CitizenPortalTests(ConsoleFixture console)
{
    private const string Typed = "小区垃圾三天没人清运 <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    [Fact]
    public async Task PublicForm_Should_Reach_The_Agent_Live_And_Be_Tracked_To_The_Answer_When_A_Citizen_Submits()
    {
        var agent = await console.SignInAsync("agent", "agent");
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/citizen/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "网上提交诉求" })).ToBeVisibleAsync();
            await Expect(page.Locator("#category optgroup")).Not.ToHaveCountAsync(0);

            // Nothing filled in: each required field says what is missing, and focus goes to the first.
            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
            await Expect(page.Locator("#category-error")).ToHaveTextAsync("请选择问题分类。");
            await Expect(page.Locator("#content-error")).ToHaveTextAsync("请填写诉求内容。");

            await PublicForm.FillAsync(page, "景山前街4号院", Typed, "赵先生");
            await Expect(page.Locator("#category-error")).ToBeHiddenAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ConsoleFixture.ScreenshotAsync(page, "citizen-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已收到您的诉求" })).ToBeVisibleAsync();
            var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
            var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
            code.Length.ShouldBe(12);
            await ConsoleFixture.ScreenshotAsync(page, "citizen-submitted");

            // The agent's review queue gets it live; the detail shows the typed markup as text and runs none of it.
            var queued = agent.Locator("section.queue").GetByRole(AriaRole.Link, new() { Name = number });
            await Expect(queued).ToBeVisibleAsync();
            await queued.ClickAsync();
            await Expect(agent.GetByText("<img src=x onerror=")).ToBeVisibleAsync();
            await Expect(agent.GetByText("市民（网上表单）")).ToBeVisibleAsync();
            (await agent.EvaluateAsync<JsonElement>("() => window.__xss ?? null")).ValueKind.ShouldBe(JsonValueKind.Null);

            // 修改分类/紧急程度: the agent corrects what the citizen chose before dispatching.
            await agent.Locator("#reclassify-urgency").SelectOptionAsync(new SelectOptionValue { Label = "加急" });
            await agent.Locator("#reclassify-type").SelectOptionAsync(new SelectOptionValue { Label = "求助" });
            await agent.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
            await Expect(agent.Locator("p.ok")).ToHaveTextAsync("已修改分类/紧急程度。");
            await Expect(agent.GetByText("紧急程度：一般 → 加急；类型：投诉 → 求助")).ToBeVisibleAsync();
            await Expect(agent.GetByRole(AriaRole.Button, new() { Name = "保存修改" })).ToBeDisabledAsync();
            await agent.Locator("#reclassify").ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "ticket-reclassify");

            await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
            await Expect(page.Locator("#t-number")).ToHaveTextAsync(number);
            await Expect(page.Locator("#t-status-text")).ToHaveTextAsync("已收到，等待受理");
            await Expect(page.Locator("#result")).Not.ToContainTextAsync("赵先生");

            await AnswerAsync(agent.Url, "已通知环卫所，今天下午清运完毕。<b>谢谢</b>");
            await page.ReloadAsync();
            await Expect(page.Locator("#t-status-text")).ToHaveTextAsync("已办结");
            await Expect(page.Locator("#t-unit")).ToHaveTextAsync("12345 市民服务热线");
            await Expect(page.Locator("#t-answer")).ToHaveTextAsync("已通知环卫所，今天下午清运完毕。<b>谢谢</b>");
            await ConsoleFixture.ScreenshotAsync(page, "citizen-tracking");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);

            // A phone's width: the form fits without sideways scrolling.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/citizen/");
            await Expect(page.Locator("#category optgroup")).Not.ToHaveCountAsync(0);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            await ConsoleFixture.ScreenshotAsync(page, "citizen-form-phone");
        }
        finally
        {
            await context.CloseAsync();
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PublicForm_Should_WarnAndRenewTheKey_When_TheKeyWasAlreadyUsedForAnotherBody()
    {
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var keys = new List<string>();
            await page.RouteAsync("**/api/public/submissions", async route =>
            {
                keys.Add(route.Request.Headers["idempotency-key"]);
                if (keys.Count == 1)
                {
                    await route.FulfillAsync(new() { Status = 409, ContentType = "application/problem+json", Body = "{\"status\":409,\"title\":\"业务规则不允许 (Conflict)\"}" });
                }
                else
                {
                    await route.ContinueAsync();
                }
            });
            await page.GotoAsync("/citizen/");
            await Expect(page.Locator("#category optgroup")).Not.ToHaveCountAsync(0);
            await page.GetByLabel("问题分类").SelectOptionAsync("cs-lj");
            await page.GetByLabel("所在区县").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await page.GetByLabel("诉求内容").FillAsync("楼道灯坏了 " + Guid.NewGuid().ToString("N"));

            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
            await Expect(page.Locator("#form-error")).ToContainTextAsync("可能已经登记成功");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已收到您的诉求" })).ToBeVisibleAsync();
            keys.Count.ShouldBe(2);
            keys[1].ShouldNotBe(keys[0]);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task TrackingPage_Should_Say_So_When_The_Code_Is_Unknown()
    {
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/citizen/track.html");
            await page.GetByLabel("查询码").FillAsync("ABCD-EFGH-JKMN");
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("未找到该查询码，请核对后重试。");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Admin_Should_Issue_A_Key_Shown_Once_And_Revoke_It_When_Managing_Open311_Clients()
    {
        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "Open311 密钥" }).ClickAsync();
            await admin.GetByLabel("客户端名称").FillAsync("街道网格App");
            await admin.GetByRole(AriaRole.Button, new() { Name = "签发" }).ClickAsync();
            var key = (await admin.Locator("[data-testid=issued-key] code").InnerTextAsync()).Trim();
            key.ShouldStartWith("o311_");
            var row = admin.Locator("tr", new() { HasText = "街道网格App" });
            await Expect(row).ToContainTextAsync("有效");
            await Expect(row).Not.ToContainTextAsync(key);
            await ConsoleFixture.ScreenshotAsync(admin, "admin-open311-keys");
            (await PostOpen311Async(key)).ShouldBe(System.Net.HttpStatusCode.Created);

            await row.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
            await Expect(row).ToContainTextAsync("已吊销");
            (await PostOpen311Async(key)).ShouldBe(System.Net.HttpStatusCode.Forbidden);
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    private async Task<System.Net.HttpStatusCode> PostOpen311Async(string key)
    {
        using var http = new HttpClient { BaseAddress = console.BaseAddress };
        var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(
        [
            new("api_key", key), new("service_code", "cs-ld"), new("address_string", "西城区什刹海前海西街"), new("description", "路灯不亮"),
        ]));
        return response.StatusCode;
    }

    /// <summary>直接办结 through the API as the agent, for the ticket open in the agent's page.</summary>
    private async Task AnswerAsync(string ticketUrl, string answer)
    {
        using var http = new HttpClient { BaseAddress = console.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = "agent", password = "Demo#12345" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var id = new Uri(ticketUrl).Segments[^1];
        (await http.PostAsJsonAsync($"/api/tickets/{id}/answer", new { answer })).EnsureSuccessStatusCode();
    }
}
