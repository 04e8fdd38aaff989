using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 领导批示, the 疑难/典型 flags and 待研判 in the console: a supervisor enters an instruction that tightens the reply
/// deadline (a looser one is refused and changes nothing), the unit sees the 批示 badge in its inbox and the instruction on
/// top of the order; flags are set and cleared and fill the board's lists; an agent puts an order it cannot place on the
/// supervisors' 待研判 queue, which the dispatch empties.
/// </summary>
public sealed class SupervisionConsoleTests(ConsoleFixture console)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instruction_Should_Tighten_The_Reply_Deadline_And_Show_In_The_Units_Inbox_And_On_The_Order()
    {
        var (id, number) = await ConsoleOrders.AcceptedComplaintAsync(console, "小区停水三天，多次反映无人处理，老人无法做饭。", "冯女士", "东华门大街8号");
        var replyDue = await ReplyDueAsync(id);
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        var unit = await console.SignInAsync("water", "unit");
        try
        {
            await supervisor.GotoAsync($"tickets/{id}");
            var submit = supervisor.GetByRole(AriaRole.Button, new() { Name = "录入批示" });
            await Expect(submit).ToBeDisabledAsync();
            await supervisor.Locator("#instruction-text").FillAsync("请市自来水集团今日内恢复供水并回复市民。");
            await supervisor.Locator("#instruction-author").FillAsync("张副市长");

            // Not a time: the field says how to write one and the instruction cannot be entered.
            await supervisor.Locator("#instruction-due").FillAsync("12/09/2026 10:00 PM");
            await supervisor.Locator("#instruction-author").FocusAsync();
            await Expect(supervisor.GetByTestId("instruction-due-error")).ToContainTextAsync("请按“年-月-日 时:分”填写");
            await Expect(submit).ToBeDisabledAsync();

            // A deadline later than the running one is refused with the reason; nothing is recorded.
            await supervisor.Locator("#instruction-due").FillAsync(Local(replyDue.AddDays(1)));
            await Expect(supervisor.GetByTestId("instruction-due-error")).ToHaveCountAsync(0);
            await submit.ClickAsync();
            await Expect(supervisor.GetByTestId("error")).ToContainTextAsync("批示只能压缩答复期限");
            await Expect(supervisor.GetByTestId("instructions")).ToHaveCountAsync(0);

            var tighter = replyDue.AddHours(-2);
            await supervisor.Locator("#instruction-due").FillAsync(Local(tighter));
            await ConsoleFixture.ScreenshotAsync(supervisor, "order-instruction-form");
            await submit.ClickAsync();
            var instructions = supervisor.GetByTestId("instructions");
            await Expect(instructions).ToContainTextAsync("请市自来水集团今日内恢复供水并回复市民。");
            await Expect(instructions).ToContainTextAsync("张副市长 批示");
            await Expect(instructions).ToContainTextAsync("答复期限压缩至 " + Local(tighter));
            await Expect(supervisor.GetByTestId("instructed-badge")).ToBeVisibleAsync();
            await Expect(supervisor.Locator(".timeline")).ToContainTextAsync("领导批示");
            (await ReplyDueAsync(id)).ShouldBe(new DateTimeOffset(tighter.Year, tighter.Month, tighter.Day, tighter.Hour, tighter.Minute, 0, China));

            // The unit's inbox (open before the instruction) marks the row; the order opens with the instruction on top.
            await unit.GetByRole(AriaRole.Tab, new() { Name = "办理中" }).ClickAsync();
            var row = unit.Locator($"tr[data-number='{number}']");
            await Expect(row.Locator(".tag.instructed")).ToHaveTextAsync("批示");
            await ConsoleFixture.ScreenshotAsync(unit, "unit-inbox-instructed");
            await row.Locator("a").First.ClickAsync();
            await Expect(unit.GetByTestId("instructions")).ToContainTextAsync("张副市长 批示");
            await Expect(unit.Locator("#instruction")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(unit, "order-instruction");

            await supervisor.GotoAsync("supervisor");
            await Expect(supervisor.Locator($"section[data-list='instructed'] tr[data-number='{number}']")).ToBeVisibleAsync();
        }
        finally
        {
            await supervisor.Context.CloseAsync();
            await unit.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Flags_Should_Be_Set_And_Cleared_By_A_Supervisor_And_Fill_The_Boards_Lists()
    {
        var (id, number) = await ConsoleOrders.AcceptedComplaintAsync(console, "楼道漏水涉及物业、自来水和房管多家单位，多次处理未果。", "卫先生", "东华门大街12号");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync($"tickets/{id}");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "标记疑难" }).ClickAsync();
            await Expect(supervisor.GetByTestId("flag-hard")).ToBeVisibleAsync();
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "标记典型" }).ClickAsync();
            await Expect(supervisor.GetByTestId("flag-typical")).ToBeVisibleAsync();
            await Expect(supervisor.Locator(".timeline")).ToContainTextAsync("标记为疑难");
            await ConsoleFixture.ScreenshotAsync(supervisor, "order-flags");

            await supervisor.GotoAsync("supervisor");
            var hard = supervisor.Locator($"section[data-list='hard'] tr[data-number='{number}']");
            await Expect(hard.Locator(".tag.hard")).ToHaveTextAsync("疑难");
            await Expect(supervisor.Locator($"section[data-list='typical'] tr[data-number='{number}']")).ToBeVisibleAsync();
            await hard.Locator("a").First.ClickAsync();

            await supervisor.GetByRole(AriaRole.Button, new() { Name = "取消疑难" }).ClickAsync();
            await Expect(supervisor.GetByTestId("flag-hard")).ToHaveCountAsync(0);
            await Expect(supervisor.GetByTestId("flag-typical")).ToBeVisibleAsync();
            await supervisor.GotoAsync("supervisor");
            await Expect(supervisor.Locator($"section[data-list='typical'] tr[data-number='{number}']")).ToBeVisibleAsync();
            await Expect(supervisor.Locator($"section[data-list='hard'] tr[data-number='{number}']")).ToHaveCountAsync(0);
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Assessment_Should_Put_The_Order_On_The_Supervisors_Queue_Until_It_Is_Dispatched()
    {
        var (id, number) = await console.RegisterOrderAsync("sw-ts", ("xc", "xc-ssh", "什刹海前海西沿6号"), "胡同口的井盖松动，不知道归哪个单位管。", ("褚先生", "13700006666"));
        var agent = await console.SignInAsync("agent", "agent");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await agent.GotoAsync($"tickets/{id}");
            var ask = agent.GetByRole(AriaRole.Button, new() { Name = "提请研判" });
            await Expect(ask).ToBeDisabledAsync();
            await agent.Locator("#assessment-note").FillAsync("井盖权属不明，涉及市政、供水和通信多家单位");
            await ConsoleFixture.ScreenshotAsync(agent, "order-assessment-form");
            await ask.ClickAsync();
            await Expect(agent.GetByTestId("assessment-badge")).ToHaveTextAsync("待研判");
            await Expect(agent.GetByTestId("assessment")).ToContainTextAsync("井盖权属不明");
            await Expect(agent.Locator("#assessment")).ToHaveCountAsync(0);

            // The board (open before the request) lists it; the supervisor opens it and dispatches it, which ends 待研判.
            var queued = supervisor.Locator($"section[data-list='assessment'] tr[data-number='{number}']");
            await Expect(queued).ToBeVisibleAsync();
            await supervisor.Locator("[data-summary='assessment']").ClickAsync();
            await Expect(queued).ToBeInViewportAsync();
            await ConsoleFixture.ScreenshotAsync(supervisor, "supervisor-assessment-queue");
            await queued.Locator("a").First.ClickAsync();
            await Expect(supervisor.GetByTestId("assessment")).ToContainTextAsync("井盖权属不明");
            using var http = await console.ApiClientAsync("supervisor");
            await ConsoleOrders.PostAsync(http, id, "dispatch", new { });
            await Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("待签收");
            await Expect(supervisor.GetByTestId("assessment-badge")).ToHaveCountAsync(0);
            await supervisor.GotoAsync("supervisor");
            await Expect(supervisor.Locator("section[data-list='assessment'] h2")).ToBeVisibleAsync();
            await Expect(supervisor.Locator($"section[data-list='assessment'] tr[data-number='{number}']")).ToHaveCountAsync(0);
        }
        finally
        {
            await agent.Context.CloseAsync();
            await supervisor.Context.CloseAsync();
        }
    }

    private async Task<DateTimeOffset> ReplyDueAsync(string id)
    {
        using var http = await console.ApiClientAsync("supervisor");
        var order = await http.GetFromJsonAsync<JsonElement>($"api/tickets/{id}", Ct);
        return order.GetProperty("deadlines").GetProperty("replyDueAt").GetDateTimeOffset().ToOffset(China);
    }

    /// <summary>China wall-clock time to the minute, as the console shows and takes it.</summary>
    private static string Local(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
