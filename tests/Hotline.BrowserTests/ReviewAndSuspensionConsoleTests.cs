using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 办结审核 and 挂起 in the console: the supervisor's board shows a reply waiting for review as it arrives, the
/// supervisor sends it back and later approves it; a unit asks to suspend an order, the supervisor (page already
/// open) approves it live, and the unit restarts the clocks.
/// </summary>
public sealed class ReviewAndSuspensionConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Review_Should_Reach_The_Board_Live_And_Send_The_Reply_Back_Or_Approve_It()
    {
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            using var water = await console.ApiClientAsync("water");
            var (id, number) = await AcceptedComplaintAsync("小区停水两天，物业说不清原因。");
            await PostAsync(water, id, "contact", new { note = "已电话联系市民" });
            await PostAsync(water, id, "reply", new { solved = true, answer = "已通知物业处理。" });

            // The board was open before the reply: the order arrives in the review list without a reload.
            var row = supervisor.Locator($"section[data-list='reviews'] tr[data-number='{number}']");
            await Expect(row).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(supervisor, "supervisor-review-queue");
            await row.Locator("a").First.ClickAsync();

            await Expect(supervisor.GetByTestId("review-status")).ToHaveTextAsync("待办结审核");
            var reject = supervisor.GetByRole(AriaRole.Button, new() { Name = "退回重办" });
            await Expect(reject).ToBeDisabledAsync();
            await supervisor.Locator("#review-note").FillAsync("答非所问：请说明停水原因和恢复供水时间");
            await ConsoleFixture.ScreenshotAsync(supervisor, "order-review");
            await reject.ClickAsync();
            await Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("办理中");
            await Expect(supervisor.Locator(".timeline")).ToContainTextAsync("办结审核退回");

            // The unit replies again; the page watches the order and offers the review again.
            await PostAsync(water, id, "reply", new { solved = true, answer = "系主管道爆裂，已于今日 18 时恢复供水。" });
            await Expect(supervisor.GetByTestId("review-status")).ToHaveTextAsync("待办结审核");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Expect(supervisor.GetByTestId("review")).ToContainTextAsync("审核通过");
            await Expect(supervisor.GetByTestId("review-status")).ToHaveCountAsync(0);
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Suspension_Should_Be_Requested_Approved_Live_And_Resumed_On_The_Order_Page()
    {
        var (id, _) = await AcceptedComplaintAsync("路面塌陷需等待管线权属单位鉴定。");
        var unit = await console.SignInAsync("water", "unit");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync($"tickets/{id}");
            await unit.GotoAsync($"tickets/{id}");
            await unit.Locator("#suspension-reason").FillAsync("等待管线权属单位出具鉴定意见");
            // The time is typed as the console shows times (China, 年-月-日 时:分), whatever the browser's language.
            var until = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(10).AddHours(9).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            await unit.Locator("#suspension-until").FillAsync(until);
            await unit.GetByRole(AriaRole.Button, new() { Name = "申请挂起" }).ClickAsync();
            await Expect(unit.GetByTestId("suspension-status")).ToHaveTextAsync("挂起待审批");
            await Expect(unit.GetByTestId("suspension")).ToContainTextAsync($"至 {until} 自动恢复");
            await Expect(unit.GetByText("已申请挂起，等待督办审批。")).ToBeVisibleAsync();

            // The supervisor's page was open: the request appears there without a reload.
            var approve = supervisor.GetByRole(AriaRole.Button, new() { Name = "同意挂起" });
            await Expect(approve).ToBeVisibleAsync();
            await supervisor.Locator("#suspension-note").FillAsync("情况属实");
            await approve.ClickAsync();
            await Expect(supervisor.GetByTestId("suspension-status")).ToHaveTextAsync("已挂起（暂停计时）");

            // The unit sees its clocks stopped, no reply form, and can restart them.
            await Expect(unit.GetByTestId("suspension-status")).ToHaveTextAsync("已挂起（暂停计时）");
            await Expect(unit.Locator("#reply-answer")).ToHaveCountAsync(0);
            await Expect(unit.GetByTestId("clock-stopped").First).ToHaveTextAsync("暂停计时");

            // The notice of the unit's own request no longer describes the order once the supervisor decided it.
            await Expect(unit.GetByText("已申请挂起，等待督办审批。")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(unit, "order-suspended");
            await unit.GetByRole(AriaRole.Button, new() { Name = "恢复计时" }).ClickAsync();
            await Expect(unit.GetByTestId("suspension")).ToContainTextAsync("已恢复计时");
            await Expect(unit.Locator(".timeline")).ToContainTextAsync("恢复计时");
            await Expect(unit.Locator("#reply-answer")).ToBeVisibleAsync();
            await Expect(unit.GetByTestId("clock-stopped")).ToHaveCountAsync(0);
        }
        finally
        {
            await unit.Context.CloseAsync();
            await supervisor.Context.CloseAsync();
        }
    }

    /// <summary>A complaint about water registered, dispatched by the catalogue to the water company and signed for.</summary>
    private Task<(string Id, string Number)> AcceptedComplaintAsync(string content) =>
        ConsoleOrders.AcceptedComplaintAsync(console, content, "赵先生", "东华门大街5号");

    private static Task PostAsync(HttpClient http, string id, string action, object body) => ConsoleOrders.PostAsync(http, id, action, body);
}
