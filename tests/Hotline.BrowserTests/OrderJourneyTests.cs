using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// One order through the console by three people at once: the agent registers and dispatches it, the water
/// company (inbox already open) sees it arrive without a reload and handles it, the callback desk (queue
/// already open) sees it arrive and closes it.
/// </summary>
public sealed class OrderJourneyTests(ConsoleFixture console)
{
    [Fact]
    public async Task Order_Should_Travel_From_Agent_To_Unit_To_Callback_Live_When_Each_Desk_Is_Already_Open()
    {
        var unit = await console.SignInAsync("water", "unit");
        var callback = await console.SignInAsync("callback", "callbacks");
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            // 受理: the agent registers a request for help about no water in 东华门街道.
            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            // A help request (求助): no 办结审核 by the default rules, so the reply goes straight to the callback desk.
            await agent.Locator("#type").SelectOptionAsync("HelpRequest");
            await agent.Locator("#category-search").FillAsync("停水");
            await agent.Locator("#category").SelectOptionAsync("sw-ts");
            await agent.Locator("#citizen-name").FillAsync("王女士");
            await agent.Locator("#citizen-phone").FillAsync(phone);
            await agent.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await agent.Locator("#street").SelectOptionAsync(new SelectOptionValue { Label = "东华门街道" });
            await agent.Locator("#address").FillAsync("东华门大街1号");
            await agent.Locator("#content").FillAsync("小区停水三天，没有任何通知。");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-workspace");
            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();

            var created = agent.GetByTestId("created");
            await Expect(created).ToContainTextAsync("已登记工单");
            await Expect(agent.GetByTestId("suggestion")).ToContainTextAsync("市自来水集团");
            var number = (await created.Locator("a strong").InnerTextAsync()).Trim();
            number.ShouldNotBeNullOrWhiteSpace();
            await ConsoleFixture.ScreenshotAsync(agent, "agent-dispatch-suggestion");

            // 派单 by the catalogue.
            await agent.GetByRole(AriaRole.Button, new() { Name = "按目录派单" }).ClickAsync();
            await Expect(created).ToContainTextAsync("已派单至 市自来水集团");

            // The water company's inbox was open before the order existed: the row arrives live.
            var row = unit.Locator($"tr[data-number='{number}']");
            await Expect(row).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(unit, "unit-inbox");
            await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

            var status = unit.GetByTestId("status");
            await Expect(status).ToHaveTextAsync("待签收");
            await unit.GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
            await Expect(status).ToHaveTextAsync("办理中");

            await unit.Locator("#contact-note").FillAsync("已电话联系市民，抢修人员已出发");
            await unit.GetByRole(AriaRole.Button, new() { Name = "联系", Exact = true }).ClickAsync();
            await Expect(unit.GetByText("已记录联系。")).ToBeVisibleAsync();

            await unit.Locator("#reply-answer").FillAsync("管线已抢修，恢复供水。");
            await unit.Locator("#reply-solved").SelectOptionAsync("true");
            await unit.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
            await Expect(status).ToHaveTextAsync("待回访");

            // The callback queue was open too: the replied order arrives live.
            var queued = callback.Locator($"tr[data-number='{number}']");
            await Expect(queued).ToBeVisibleAsync();
            await queued.GetByRole(AriaRole.Button, new() { Name = "回访" }).ClickAsync();
            await callback.Locator("#cb-outcome").SelectOptionAsync("Satisfied");
            await callback.Locator("#cb-solved").SelectOptionAsync("true");
            await ConsoleFixture.ScreenshotAsync(callback, "callback-queue");
            await callback.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
            await Expect(queued).ToHaveCountAsync(0);

            // The unit's detail page watches the order: it turns 已办结 without a reload.
            await Expect(status).ToHaveTextAsync("已办结");
            await Expect(unit.Locator(".timeline")).ToContainTextAsync("回访");

            // And anyone opening it sees it closed after a satisfied, solved callback.
            await agent.GotoAsync("search");
            await agent.Locator("#q").FillAsync(number);
            await agent.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await agent.Locator($"tr[data-number='{number}'] a").ClickAsync();
            await Expect(agent.GetByTestId("status")).ToHaveTextAsync("已办结");
            await Expect(agent.Locator(".facts")).ToContainTextAsync("满意，已解决");
            await ConsoleFixture.ScreenshotAsync(agent, "order-detail");
        }
        finally
        {
            await unit.Context.CloseAsync();
            await callback.Context.CloseAsync();
            await agent.Context.CloseAsync();
        }
    }
}
