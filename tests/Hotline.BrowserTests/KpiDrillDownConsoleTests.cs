using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>The drill-down from a KPI figure to its orders, and the monthly 红黄榜 on a desktop, a phone and paper.</summary>
public sealed class KpiDrillDownConsoleTests(ConsoleFixture console)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_Units_Figure_Should_Open_The_Orders_Behind_It_And_Its_Tabs_Should_Add_Up()
    {
        // Orders dispatched now: this month has figures for the water unit (and whatever else the demo holds).
        for (var i = 0; i < 3; i++)
        {
            await console.RegisterOrderAsync("sw-ts", ("hd", "hd-zgc", $"中关村大街{40 + i}号"), $"整栋楼停水（{i + 1}）。", ("冯女士", $"1370000{7000 + i}"), dispatch: true);
        }

        using var api = await console.ApiClientAsync("supervisor");
        var units = await api.GetFromJsonAsync<JsonElement>("api/kpis/units", TestContext.Current.CancellationToken);
        var unit = units.EnumerateArray().First(u => u.GetProperty("dispatched").GetInt32() >= 3);
        var unitName = unit.GetProperty("unitName").GetString()!;
        var dispatched = unit.GetProperty("dispatched").GetInt32();

        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
            var row = page.Locator("table.kpi-table[data-table=units] tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextString = unitName }) });
            await Expect(row).ToHaveCountAsync(1);

            // The count: the page shows the API's figure, and its link lists exactly that many orders.
            var count = row.Locator("td").Nth(1).Locator("a.drill");
            await Expect(count).ToHaveTextAsync(dispatched.ToString(CultureInfo.InvariantCulture));
            await count.ClickAsync();
            await page.WaitForURLAsync(new Regex("/kpis/orders\\?"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"指标明细：{unitName} · 派单量");
            await Expect(page.GetByTestId("drill-total")).ToHaveTextAsync(dispatched.ToString(CultureInfo.InvariantCulture));
            (await page.GetByTestId("drill-table").Locator("tbody tr").CountAsync()).ShouldBe(Math.Min(dispatched, 50));
            await Expect(page.GetByTestId("drill-table").Locator("tbody tr").First).ToContainTextAsync(unitName);

            // A rate: 全部 = 达标 + 未达标 (+ 豁免), and 达标 ÷ (达标 + 未达标) is the rate clicked. The orders above are
            // not due yet (no rate), so the rate is taken in a month with one: this one or the previous (the demo's).
            var china = DateTimeOffset.UtcNow.ToOffset(China);
            var rated = await RatedUnitAsync(api, new DateTime(china.Year, china.Month, 1)) ?? await RatedUnitAsync(api, new DateTime(china.Year, china.Month, 1).AddMonths(-1));
            var (ratedMonth, ratedUnit) = rated.ShouldNotBeNull("no unit has a response rate this month or the last");
            await page.GoBackAsync();
            var monthBox = page.GetByLabel("考核月份");
            await monthBox.FillAsync(ratedMonth.ToString("yyyy-MM"));
            await monthBox.PressAsync("Tab");
            await Expect(page.Locator(".kpi-bar")).ToContainTextAsync($"{ratedMonth:yyyy-MM}-01 ～");
            row = page.Locator("table.kpi-table[data-table=units] tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextString = ratedUnit }) });
            var rate = row.Locator("td").Nth(2).Locator("a.drill");
            await Expect(rate).ToHaveTextAsync(new Regex("%$"));
            var shown = await rate.InnerTextAsync();
            await rate.ClickAsync();
            await page.WaitForURLAsync(new Regex("measure=response"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("响应率");
            var all = await TabCountAsync(page, "all");
            var met = await TabCountAsync(page, "met");
            var missed = await TabCountAsync(page, "missed");
            var exempted = await page.Locator("[role=tab][data-outcome=exempted]").CountAsync() > 0 ? await TabCountAsync(page, "exempted") : 0;
            (met + missed + exempted).ShouldBe(all);
            all.ShouldBeGreaterThan(0);
            (met * 100.0 / (met + missed)).ToString("0.0", CultureInfo.InvariantCulture).ShouldBe(shown.TrimEnd('%'));
            await Expect(page.GetByTestId("drill-total")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));

            // Each tab lists its own part.
            await page.Locator("[role=tab][data-outcome=met]").ClickAsync();
            await Expect(page.Locator("[role=tab][data-outcome=met]")).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(page.GetByTestId("drill-total")).ToHaveTextAsync(met.ToString(CultureInfo.InvariantCulture));
            await page.Locator("[role=tab][data-outcome=missed]").ClickAsync();
            await Expect(page.GetByTestId("drill-total")).ToHaveTextAsync(missed.ToString(CultureInfo.InvariantCulture));
            if (missed > 0)
            {
                await Expect(page.GetByTestId("drill-table").Locator("tbody tr").First).ToContainTextAsync("未达标");
            }

            await page.Locator("[role=tab][data-outcome=all]").ClickAsync();
            await Expect(page.GetByTestId("drill-total")).ToHaveTextAsync(all.ToString(CultureInfo.InvariantCulture));
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);
            await ScreenshotAsync(page, "kpi-orders");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_Honor_Roll_Should_Title_The_Default_And_A_Chosen_Month_On_A_Desktop_A_Phone_And_Paper()
    {
        var today = DateTimeOffset.UtcNow.ToOffset(China);
        var thisMonth = new DateTime(today.Year, today.Month, 1);
        // Kpis:HonorRoll:PreviousMonthUntilDay (10): early in a month the page opens on the last complete one.
        var expected = today.Day <= 10 ? thisMonth.AddMonths(-1) : thisMonth;
        var chosen = expected.AddMonths(-2);

        using var api = await console.ApiClientAsync("supervisor");
        var roll = await api.GetFromJsonAsync<JsonElement>($"api/kpis/honor-roll?month={chosen:yyyy-MM}", TestContext.Current.CancellationToken);
        var red = roll.GetProperty("red").GetArrayLength();
        var yellow = roll.GetProperty("yellow").GetArrayLength();

        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await page.GotoAsync("kpis/honor-roll");
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(expected));
            await Expect(page.GetByLabel("考核月份")).ToHaveValueAsync(expected.ToString("yyyy-MM"));
            await Expect(page).ToHaveTitleAsync(Title(expected));

            var month = page.GetByLabel("考核月份");
            await month.FillAsync(chosen.ToString("yyyy-MM"));
            await month.PressAsync("Tab");
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(chosen));
            await Expect(page.Locator(".honor-roll .period")).ToContainTextAsync($"{chosen:yyyy年M月d日} 至 {chosen.AddMonths(1).AddDays(-1):yyyy年M月d日}");
            await Expect(page.GetByTestId("red-board").Locator("h2")).ToContainTextAsync($"（{red} 家）");
            await Expect(page.GetByTestId("yellow-board").Locator("h2")).ToContainTextAsync($"（{yellow} 家）");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);

            // The chosen month is in the address: a reload or a shared link opens the same board.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(chosen));

            // A month with judged units shows them; the default month is the one a supervisor publishes.
            await page.GotoAsync("kpis/honor-roll");
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(expected));
            await ScreenshotAsync(page, "kpi-honor-roll");

            // Paper: no navigation, no tabs, no buttons; the title and both boards stay.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.Locator("nav").First).ToBeHiddenAsync();
            await Expect(page.Locator("header.top")).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印 / 存为 PDF" })).ToBeHiddenAsync();
            await Expect(page.GetByLabel("考核月份")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("honor-roll-title")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("red-board")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("yellow-board")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "kpi-honor-roll-print");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await Expect(page.Locator("nav").First).ToBeVisibleAsync();

            // A phone: the title on its own, nothing wider than the screen.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"kpis/honor-roll?month={chosen:yyyy-MM}");
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(chosen));
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            foreach (var tab in await page.Locator(".kpi-tabs a").AllAsync())
            {
                // One line each (they wrapped one or two characters per line).
                (await tab.BoundingBoxAsync()).ShouldNotBeNull().Height.ShouldBeLessThan(36, await tab.InnerTextAsync());
            }

            await page.GotoAsync("kpis/honor-roll");
            await Expect(page.GetByTestId("honor-roll-title")).ToHaveTextAsync(Title(expected));
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            await ScreenshotAsync(page, "kpi-honor-roll-phone");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The first unit with a response rate in the month (null when none has one).</summary>
    private static async Task<(DateTime Month, string Unit)?> RatedUnitAsync(HttpClient api, DateTime month)
    {
        var units = await api.GetFromJsonAsync<JsonElement>($"api/kpis/units?from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}", TestContext.Current.CancellationToken);
        foreach (var u in units.EnumerateArray())
        {
            if (u.GetProperty("responseRate").ValueKind == JsonValueKind.Number)
            {
                return (month, u.GetProperty("unitName").GetString()!);
            }
        }

        return null;
    }

    private static string Title(DateTime month) => $"{month:yyyy年M月} 12345热线承办单位考核红黄榜";

    private static async Task<int> TabCountAsync(IPage page, string outcome) =>
        int.Parse(await page.Locator($"[role=tab][data-outcome={outcome}] .count").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>Deadline toasts of the demo orders come and go with the time of day; they are closed so the page shows.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('.toast .close').forEach(b => b.click())");
        await Expect(page.Locator(".toast")).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(page, name);
    }
}
