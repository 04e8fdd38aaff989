using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>The supervisors' measures pages: the three rates with the ranking, the trends, and a hot spot that grows live.</summary>
public sealed class KpiPagesTests(ConsoleFixture console)
{
    [Fact]
    public async Task KpiPages_Should_ShowRatesTrendsAndALiveHotSpot_When_ASupervisorOpensThem()
    {
        // Noise complaints (噪声扰民) pile up in one street this week: a hot spot.
        for (var i = 0; i < 6; i++)
        {
            await RegisterNoiseComplaintAsync(i);
        }

        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "三率考核" })).ToBeVisibleAsync();
            await Expect(page.Locator("table.kpi-table tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator(".ranking li").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "kpi-three-rates");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);

            await page.GetByRole(AriaRole.Tab, new() { Name = "区" }).ClickAsync();
            await Expect(page.Locator("table.kpi-table[data-table=districts]")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "工单趋势" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工单趋势" })).ToBeVisibleAsync();
            await Expect(page.Locator("figure.chart polyline").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "kpi-trends");

            await page.GetByRole(AriaRole.Link, new() { Name = "热点发现" }).ClickAsync();
            var spot = page.Locator("section.hotspot[data-street=cy-wj][data-category=hj-zs]");
            await Expect(spot).ToBeVisibleAsync();
            await Expect(spot.GetByRole(AriaRole.Heading)).ToContainTextAsync("噪声扰民");
            var before = await spot.Locator("tbody tr").CountAsync();
            before.ShouldBeGreaterThanOrEqualTo(6);
            await ScreenshotAsync(page, "kpi-hotspots");

            // Live: one more complaint arrives; the page re-reads the list after the debounce, without a reload.
            await RegisterNoiseComplaintAsync(6);
            await Expect(spot.Locator("tbody tr")).ToHaveCountAsync(before + 1);

            await spot.Locator("tbody a").First.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/tickets/"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task KpiPage_Should_SayNoAccess_When_AUnitAccountOpensIt()
    {
        var page = await console.SignInAsync("water", "unit");
        try
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "统计分析" })).ToHaveCountAsync(0);
            await page.GotoAsync("/kpis");
            await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("无权执行此操作");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task KpiPages_Should_Default_To_The_Last_Month_With_Orders_On_The_First_And_Keep_The_Last_Axis_Label_Whole()
    {
        // An order dispatched now: this month has figures. The browser lives on the 1st of next month, which has none.
        await console.RegisterOrderAsync("dl-td", ("hd", "hd-qh", "清河小营1号"), "整栋楼停电。", ("钱先生", "13700006666"), dispatch: true);
        var china = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var thisMonth = new DateTimeOffset(china.Year, china.Month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var firstOfNext = thisMonth.AddMonths(1).AddHours(9);

        var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.Clock.SetFixedTimeAsync(firstOfNext.UtcDateTime);
            await page.GotoAsync("/");
            await page.Locator("#user").FillAsync("supervisor");
            await page.Locator("#password").FillAsync("Demo#12345");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(new Uri(console.BaseAddress, "supervisor").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();

            await Expect(page.GetByLabel("考核月份")).ToHaveValueAsync(thisMonth.ToString("yyyy-MM"));
            await Expect(page.GetByTestId("period-notice")).ToContainTextAsync($"{firstOfNext:yyyy年M月}尚无工单，显示上月");
            await Expect(page.Locator("table.kpi-table tbody tr").First).ToBeVisibleAsync();

            // Periods are typed and shown as yyyy-MM(-dd) whatever the browser's language (the native month and date
            // pickers follow it: MM/DD/YYYY in an English browser).
            var month = page.GetByLabel("考核月份");
            await Expect(month).ToHaveAttributeAsync("type", "text");
            var previous = thisMonth.AddMonths(-1);
            await month.FillAsync(previous.ToString("yyyy-MM"));
            await month.PressAsync("Tab");
            await Expect(page.Locator(".kpi-bar")).ToContainTextAsync($"{previous:yyyy-MM}-01 ～");
            await Expect(page.GetByTestId("period-notice")).ToHaveCountAsync(0);

            // The trends chart's last date sits inside the drawing instead of being cut in half at its edge.
            await page.GetByRole(AriaRole.Link, new() { Name = "工单趋势" }).ClickAsync();
            await Expect(page.GetByLabel("开始日期")).ToHaveAttributeAsync("type", "text");
            await Expect(page.GetByLabel("结束日期")).ToHaveValueAsync(firstOfNext.ToString("yyyy-MM-dd"));
            var chart = page.Locator("figure.chart svg").First;
            await Expect(chart.Locator("polyline").First).ToBeAttachedAsync();
            var drawing = (await chart.BoundingBoxAsync()).ShouldNotBeNull();
            var lastLabel = (await chart.Locator("text.axis[text-anchor]").Last.BoundingBoxAsync()).ShouldNotBeNull();
            (lastLabel.X + lastLabel.Width).ShouldBeLessThanOrEqualTo(drawing.X + drawing.Width + 0.5f);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Deadline toasts of the demo orders come and go with the time of day; they are closed so the page shows.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('.toast .close').forEach(b => b.click())");
        await Expect(page.Locator(".toast")).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(page, name);
    }

    private async Task RegisterNoiseComplaintAsync(int i)
    {
        using var http = new HttpClient { BaseAddress = console.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = await http.PostAsJsonAsync("api/auth/token", new { userName = "agent", password = "Demo#12345" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var created = await http.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone",
            type = "Complaint",
            categoryCode = "hj-zs",
            urgency = "Normal",
            citizen = new { name = "居民" + i, phone = $"1390000{i:D4}", confidential = false },
            location = new { districtCode = "cy", streetCode = "cy-wj", address = $"望京西园{i + 1}区" },
            content = $"夜间施工噪声扰民，持续到凌晨（{i + 1}）。",
        });
        created.EnsureSuccessStatusCode();
    }
}
