using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// Text intelligence in the agent workspace: a centre imports its history, an admin trains the category model,
/// and while the agent types a demand the top categories appear (one click picks one), the similar open order is
/// listed and, once the order is registered, merged into with one click; the acceptance of the suggestion is
/// on the model page.
/// </summary>
public sealed class IntelligenceConsoleTests(ConsoleFixture console)
{
    private static readonly (string Code, string[] Words)[] Topics =
    [
        ("hj-yy", ["楼下饭店油烟", "烧烤店排烟", "餐馆油烟直排", "厨房排风扇对着窗户", "油烟味呛得开不了窗"]),
        ("jt-tc", ["小区门口违章停车", "车辆乱停堵住消防通道", "人行道上停满汽车", "占道停车影响通行", "僵尸车长期占用车位"]),
        ("ws-ym", ["孩子打疫苗预约不上", "社区医院疫苗缺货", "接种点排队太久", "疫苗接种证丢了", "狂犬疫苗哪里能打"]),
        ("jy-rx", ["孩子上小学报名", "幼儿园入园登记", "学区划片不合理", "入学材料审核", "转学手续怎么办"]),
    ];

    [Fact]
    public async Task Workspace_Should_Suggest_Categories_And_Similar_Orders_While_Typing_And_Merge_The_New_Order()
    {
        using var admin = await console.ApiClientAsync("admin");
        await TrainAsync(admin);
        var ct = TestContext.Current.CancellationToken;

        // An open order about a noisy barbecue place exists in 东城区 景山街道.
        using var agentApi = await console.ApiClientAsync("agent");
        var earlier = await agentApi.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone", type = "Complaint", categoryCode = "hj-yy", urgency = "Normal",
            citizen = new { name = "刘先生", phone = "13" + Random.Shared.Next(100_000_000, 999_999_999), confidential = false },
            location = new { districtCode = "dc", streetCode = "dc-jsj", address = "景山后街8号" },
            content = "楼下烧烤店每天晚上排烟，油烟直排进我家窗户，呛得开不了窗",
        }, ct);
        earlier.StatusCode.ShouldBe(HttpStatusCode.Created);
        var earlierNumber = (await earlier.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetString()!;

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.Locator("#district").SelectOptionAsync("dc");
            await agent.Locator("#street").SelectOptionAsync("dc-jsj");
            await agent.Locator("#content").PressSequentiallyAsync("楼下烧烤店油烟直排，窗户都不敢开");
            var hints = agent.GetByTestId("category-hints");
            await Expect(hints.Locator("button").First).ToContainTextAsync("餐饮油烟");
            var similar = agent.GetByTestId("similar");
            await Expect(similar).ToContainTextAsync(earlierNumber);
            await Expect(similar).ToContainTextAsync("同街道");
            await agent.GetByTestId("demand-insights").ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "intelligence-workspace");

            await hints.Locator("button").First.ClickAsync();
            await Expect(agent.Locator(".picker .muted")).ToContainTextAsync("餐饮油烟");
            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();
            var created = agent.GetByTestId("created");
            await Expect(created).ToContainTextAsync("已登记工单");
            await created.GetByRole(AriaRole.Button, new() { Name = $"合并到 {earlierNumber}" }).ClickAsync();
            await Expect(created).ToContainTextAsync("已合并");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }

        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync("intelligence");
            await Expect(supervisor.GetByTestId("models")).ToContainTextAsync("当前");
            await Expect(supervisor.GetByTestId("models").Locator("td").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^v\\d+$"));
            await Expect(supervisor.GetByTestId("acceptance-rate")).Not.ToHaveTextAsync("—");
            await ConsoleFixture.ScreenshotAsync(supervisor, "intelligence-models");
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }

    /// <summary>Imports 200 closed historical orders of four categories and trains; waits (bounded) until a model is active.</summary>
    private static async Task TrainAsync(HttpClient admin)
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(17);
        var lines = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            var (code, words) = Topics[i % Topics.Length];
            var text = string.Join("，", Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)])) + "，希望尽快处理。";
            lines.AppendLine(JsonSerializer.Serialize(new { externalId = $"BT-{i:D4}", content = text, categoryCode = code, districtCode = "dc" }));
        }

        using var body = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        (await admin.PostAsync("api/admin/history/import", body, ct)).EnsureSuccessStatusCode();
        var started = await admin.PostAsync("api/intelligence/category-models", JsonContent.Create(new { }), ct);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(120));
        while (true)
        {
            var active = await admin.GetAsync("api/intelligence/category-models/active", deadline.Token);
            if (active.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(500, deadline.Token);
        }
    }
}
