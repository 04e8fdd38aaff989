using System.Net.Http.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// An order the water company gives back: the supervisor approves the return with the catalogue deciding, and the
/// timeline names the people who handled it instead of their logins.
/// </summary>
public sealed class OrderTimelineTests(ConsoleFixture console)
{
    [Fact]
    public async Task Supervisor_Should_Approve_A_Return_With_The_Catalogue_Deciding_And_Read_Names_On_The_Timeline()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-jsj", "景山前街5号"), "小区自备井停水，物业说不归自来水公司管。", ("孙先生", "13700003333"), dispatch: true);
        using var waterApi = await console.ApiClientAsync("water");
        (await waterApi.PostAsJsonAsync($"api/tickets/{id}/return-requests", new { reason = "自备井归小区物业管理" }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();

        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync($"tickets/{id}");
            await Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("退单审核");

            // The catalogue names the water company again; with the default the order goes to the next unit it names.
            await Expect(supervisor.Locator("#return-unit option:checked")).ToHaveTextAsync("改派单位（由目录在其他单位中决定）");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "同意退单" }).ClickAsync();
            await Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("待签收");
            await Expect(supervisor.Locator(".facts")).ToContainTextAsync("东城区人民政府");
            await Expect(supervisor.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

            // People by name, units once: 话务员 李敏 registered and dispatched, 市自来水集团 asked to return.
            var who = supervisor.Locator(".timeline .who");
            await Expect(who).ToHaveTextAsync(["话务员 李敏", "话务员 李敏", "市自来水集团", "督办 张强"]);
            await ConsoleFixture.ScreenshotAsync(supervisor, "order-return-approved");
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }
}
