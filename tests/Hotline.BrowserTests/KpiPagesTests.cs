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
