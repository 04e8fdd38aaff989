using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 申诉 in the console: the unit appeals a dissatisfied callback from its order page (button and dialog, offered only
/// once there is a verdict), the supervisor's 申诉审核 list (already open) shows it live and upholds it, and the order
/// shows the decision on its timeline.
/// </summary>
public sealed class AppealConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Appeal_Should_Be_Filed_By_The_Unit_And_Upheld_Live_From_The_Supervisors_List()
    {
        var (id, number) = await RepliedComplaintAsync("楼上住户每天深夜装修，要求物业立即拆除其阳台。");
        var unit = await console.SignInAsync("water", "unit");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            // Replied but not called back: nothing to appeal yet, so no appeals panel.
            await unit.GotoAsync($"tickets/{id}");
            await Expect(unit.GetByTestId("number")).ToHaveTextAsync(number);
            await Expect(unit.Locator("#appeals")).ToHaveCountAsync(0);
            await Expect(unit.Locator("#appeal-open")).ToHaveCountAsync(0);

            using var callback = await console.ApiClientAsync("callback");
            await PostAsync(callback, id, "callback", new { outcome = "Dissatisfied", solved = false, reasonCode = "unresolved", note = "市民坚持要求拆除阳台" });
            await supervisor.GotoAsync("appeals");
            await Expect(supervisor.Locator("section[data-list='appeals']")).ToBeVisibleAsync();

            // The order page follows the callback live and offers 申诉.
            var open = unit.Locator("#appeal-open");
            await Expect(open).ToBeVisibleAsync();
            await open.ClickAsync();
            var dialog = unit.Locator("#appeal-dialog");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.Locator("#appeal-kind")).ToContainTextAsync("回访评价");
            await Expect(dialog.Locator("#appeal-submit")).ToBeDisabledAsync();
            await dialog.Locator("#appeal-reason").FillAsync("拆除阳台不属于供水职责，诉求超出政策规定");
            await ConsoleFixture.ScreenshotAsync(unit, "order-appeal-dialog");
            await dialog.Locator("#appeal-submit").ClickAsync();
            await Expect(unit.GetByText("已提交申诉，等待督办审核。")).ToBeVisibleAsync();
            await Expect(unit.Locator("#appeals li[data-status='Pending']")).ToContainTextAsync("回访评价申诉");
            await Expect(unit.Locator("#appeal-open")).ToHaveCountAsync(0);
            await Expect(unit.Locator(".timeline")).ToContainTextAsync("提出申诉");

            // The supervisor's list was open: the appeal arrives without a reload.
            var row = supervisor.Locator("section[data-list='appeals'] tr", new() { HasText = number });
            await Expect(row).ToBeVisibleAsync();
            await row.Locator("input").FillAsync("诉求不合理，回访不计入考核");
            await ConsoleFixture.ScreenshotAsync(supervisor, "supervisor-appeals");
            await row.GetByRole(AriaRole.Button, new() { Name = "申诉成立" }).ClickAsync();
            await Expect(supervisor.GetByText($"工单 {number} 的申诉成立，该项不计入考核。")).ToBeVisibleAsync();
            await Expect(supervisor.Locator("section[data-list='appeals'] tr", new() { HasText = number })).ToHaveCountAsync(0);

            // The unit's page shows the decision live, with the supervisor named on the timeline.
            await Expect(unit.Locator("#appeals li[data-status='Upheld']")).ToContainTextAsync("诉求不合理，回访不计入考核");
            await Expect(unit.Locator(".timeline")).ToContainTextAsync("申诉成立");
        }
        finally
        {
            await unit.Context.CloseAsync();
            await supervisor.Context.CloseAsync();
        }
    }

    /// <summary>A complaint about water dispatched to the water company, handled, replied and its review approved.</summary>
    private async Task<(string Id, string Number)> RepliedComplaintAsync(string content)
    {
        var (id, number) = await ConsoleOrders.AcceptedComplaintAsync(console, content, "钱女士", "东华门大街7号");
        using var water = await console.ApiClientAsync("water");
        await PostAsync(water, id, "contact", new { note = "已电话联系市民" });
        await PostAsync(water, id, "reply", new { solved = true, answer = "经核实，阳台改建不属于供水职责，已告知市民向街道反映。" });
        using var supervisor = await console.ApiClientAsync("supervisor");
        await PostAsync(supervisor, id, "review", new { approve = true });
        return (id, number);
    }

    private static Task PostAsync(HttpClient http, string id, string action, object body) => ConsoleOrders.PostAsync(http, id, action, body);
}
