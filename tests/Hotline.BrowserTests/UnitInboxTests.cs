using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The unit inbox for a shift (本单位工单): content and place on each row, a toast and a chime when an order arrives,
/// search, the 重办 badge and filter, batch sign-for, the export, and cards on a phone.
/// </summary>
public sealed class UnitInboxTests(ConsoleFixture console)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_Should_Announce_Arrivals_Filter_Sign_For_In_A_Batch_And_Export()
    {
        var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unit = await console.SignInAsync("water", "unit");
        try
        {
            await Expect(unit.Locator("table.inbox, .empty").First).ToBeVisibleAsync();

            // Two orders dispatched to the water company while its inbox is open: a toast each, and the chime.
            var (_, first) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街20号"), $"整栋楼停水，单号{tag}，已经一上午了。", ("秦先生", "13700001111"), dispatch: true);
            var (_, second) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街22号"), $"水压很低，单号{tag}，楼上没有水。", ("尤女士", "13700002222"), dispatch: true);
            var row = unit.Locator($"tr[data-number='{first}']");
            await Expect(row.Locator("td.content")).ToContainTextAsync("整栋楼停水");
            await Expect(row.Locator("td.place")).ToContainTextAsync("东城区 东华门街道 东华门大街20号");
            await Expect(unit.Locator(".toast.arrival", new() { HasText = second })).ToBeVisibleAsync();
            await unit.WaitForFunctionAsync("() => (window.hotlineChimes ?? 0) >= 1");
            await ConsoleFixture.ScreenshotAsync(unit, "unit-inbox-arrival");

            // Search by the words of the demand; both selected and signed for at once.
            await unit.Locator("#inbox-q").FillAsync(tag);
            await unit.Locator("#inbox-q").PressAsync("Enter");
            await Expect(unit.Locator("table.inbox tbody tr")).ToHaveCountAsync(2);
            var batch = unit.Locator("#inbox-batch-accept");
            await Expect(batch).ToBeDisabledAsync();
            await unit.Locator("#inbox-select-all").CheckAsync();
            await Expect(batch).ToHaveTextAsync("批量签收（2）");
            await batch.ClickAsync();
            await Expect(unit.GetByTestId("inbox-notice")).ToHaveTextAsync("已签收 2 单。");
            await Expect(unit.Locator("table.inbox tbody tr")).ToHaveCountAsync(0);
            await unit.GetByRole(AriaRole.Tab, new() { Name = "办理中" }).ClickAsync();
            await Expect(unit.Locator("table.inbox tbody tr")).ToHaveCountAsync(2);

            // The export carries the same filters: the file is the two orders' sheet.
            var download = await unit.RunAndWaitForDownloadAsync(() => unit.Locator("#inbox-export").ClickAsync());
            download.SuggestedFilename.ShouldStartWith("tickets-");
            download.SuggestedFilename.ShouldEndWith(".xlsx");
            (await File.ReadAllBytesAsync((await download.PathAsync())!, Ct)).Length.ShouldBeGreaterThan(1000);
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Rework_Should_Be_Marked_And_Filterable_And_The_Inbox_Should_Be_Cards_On_A_Phone()
    {
        var (id, number) = await ConsoleOrders.AcceptedComplaintAsync(console, "供水后水是浑的，上次答复说已处理但没有改善。", "何先生", "东华门大街30号");
        using (var water = await console.ApiClientAsync("water"))
        {
            await ConsoleOrders.PostAsync(water, id, "contact", new { note = "已电话联系" });
            await ConsoleOrders.PostAsync(water, id, "reply", new { solved = true, answer = "已冲洗管道。" });
        }

        using (var supervisor = await console.ApiClientAsync("supervisor"))
        {
            var order = await supervisor.GetFromJsonAsync<JsonElement>($"api/tickets/{id}", Ct);
            if (order.GetProperty("review").GetProperty("status").GetString() == "Pending")
            {
                await ConsoleOrders.PostAsync(supervisor, id, "review", new { approve = false, note = "未说明水质检测结果" });
            }
        }

        var unit = await console.SignInAsync("water", "unit");
        try
        {
            await unit.GetByRole(AriaRole.Tab, new() { Name = "办理中" }).ClickAsync();
            var row = unit.Locator($"tr[data-number='{number}']");
            await Expect(row.Locator(".tag.rework")).ToHaveTextAsync("重办");
            await unit.Locator("#inbox-rework").CheckAsync();
            await Expect(unit.Locator("table.inbox tbody tr:not(:has(.tag.rework))")).ToHaveCountAsync(0);
            await Expect(row).ToBeVisibleAsync();

            await unit.SetViewportSizeAsync(390, 844);
            var card = (await row.BoundingBoxAsync()).ShouldNotBeNull();
            card.Width.ShouldBeLessThanOrEqualTo(390);
            card.Height.ShouldBeGreaterThan(60, "a card holds the content and the place under the number");
            (await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            await ConsoleFixture.ScreenshotAsync(unit, "unit-inbox-phone-cards");
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }
}
