using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>工单查询 for a supervisor: filters by district and category (a parent takes its children), and 批量催办 on the open orders found.</summary>
public sealed class SearchFiltersTests(ConsoleFixture console)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supervisor_Should_Filter_By_District_And_Category_And_Urge_The_Orders_Found_At_Once()
    {
        var tag = "批" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (firstId, first) = await console.RegisterOrderAsync("sw-ts", ("xc", "xc-ssh", "什刹海前海北沿1号"), $"胡同停水{tag}。", ("孔先生", "13700003333"), dispatch: true);
        var (secondId, second) = await console.RegisterOrderAsync("sw-ps", ("xc", "xc-ssh", "什刹海前海北沿3号"), $"下水道返水{tag}。", ("曹女士", "13700004444"), dispatch: true);
        var (_, elsewhere) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街40号"), $"停水{tag}。", ("严先生", "13700008888"), dispatch: true);
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync("search");
            await supervisor.Locator("#q").FillAsync(tag);
            await supervisor.Locator("#search-district").SelectOptionAsync("xc");
            await supervisor.Locator("#search-category").SelectOptionAsync("sw");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(supervisor.Locator("table.tickets tbody tr")).ToHaveCountAsync(2);
            await Expect(supervisor.Locator($"tr[data-number='{elsewhere}']")).ToHaveCountAsync(0);

            // Only the child category: the drainage order alone.
            await supervisor.Locator("#search-category").SelectOptionAsync("sw-ps");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(supervisor.Locator("table.tickets tbody tr")).ToHaveCountAsync(1);
            await Expect(supervisor.Locator($"tr[data-number='{second}']")).ToBeVisibleAsync();

            await supervisor.Locator("#search-category").SelectOptionAsync("sw");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(supervisor.Locator($"tr[data-number='{first}']")).ToBeVisibleAsync();
            var urge = supervisor.Locator("#batch-urge-submit");
            await Expect(urge).ToBeDisabledAsync();
            await supervisor.Locator("#batch-urge-note").FillAsync("请于今日内联系市民");
            await ConsoleFixture.ScreenshotAsync(supervisor, "search-filters-batch-urge");
            await urge.ClickAsync();
            await Expect(supervisor.GetByTestId("search-notice")).ToHaveTextAsync("已催办 2 件。");

            using var http = await console.ApiClientAsync("supervisor");
            foreach (var id in new[] { firstId, secondId })
            {
                var order = await http.GetFromJsonAsync<JsonElement>($"api/tickets/{id}", Ct);
                order.GetProperty("urgeCount").GetInt32().ShouldBe(1);
            }
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }
}
