using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The callback desk (回访) as callback staff and a supervisor use it: the script and the timeline beside the form,
/// 拨打 on the local line, the 不满意原因 required with 不满意 and counted, an unreached call that leaves the queue until
/// its retry, the scripts edited by a supervisor, and the desk on a phone.
/// </summary>
public sealed class CallbackDeskConsoleTests(ConsoleFixture console)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Desk_Should_Show_Script_Timeline_And_Dial_And_Require_A_Reason_When_The_Citizen_Is_Dissatisfied()
    {
        var (id, number) = await RepliedHelpRequestAsync("东华门大街8号", "楼道灯坏了一个月，晚上看不见路。");
        var page = await console.SignInAsync("callback", "callbacks");
        try
        {
            var row = page.Locator($"tr[data-number='{number}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "回访" }).ClickAsync();
            await Expect(page.GetByTestId("script")).ToContainTextAsync("回访话术（求助）");
            await Expect(page.GetByTestId("script")).ToContainTextAsync("12345热线回访员");
            await Expect(page.Locator(".callback-timeline .timeline li[data-action='Replied']")).ToBeVisibleAsync();

            // The embedded database has the local line: 拨打 connects at once.
            await page.GetByRole(AriaRole.Button, new() { Name = "拨打" }).ClickAsync();
            await Expect(page.GetByTestId("dial-notice")).ToHaveTextAsync("本地模拟线路：已接通市民。");

            await page.Locator("#cb-outcome").SelectOptionAsync("Dissatisfied");
            await page.Locator("#cb-solved").SelectOptionAsync("false");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("市民不满意时请选择不满意原因。");
            await Expect(page.Locator("#cb-reason")).ToHaveAttributeAsync("aria-invalid", "true");

            await page.Locator("#cb-reason").SelectOptionAsync(new SelectOptionValue { Label = "推诿扯皮" });
            await page.Locator("#cb-note").FillAsync("市民称物业和街道互相推诿");
            await ConsoleFixture.ScreenshotAsync(page, "callback-desk");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0);

            using var http = await console.ApiClientAsync("callback");
            var order = await http.GetFromJsonAsync<JsonElement>($"api/tickets/{id}", Ct);
            order.GetProperty("callback").GetProperty("reasonCode").GetString().ShouldBe("buck-passing");

            await page.GetByRole(AriaRole.Tab, new() { Name = "不满意原因" }).ClickAsync();
            await Expect(page.Locator("table.reason-counts tr[data-reason='buck-passing']").First).ToContainTextAsync("推诿扯皮");
            await ConsoleFixture.ScreenshotAsync(page, "callback-reasons");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Unreached_Call_Should_Leave_The_Queue_Until_Its_Retry_And_Be_Listed_With_Its_Attempt()
    {
        var (_, number) = await RepliedHelpRequestAsync("东华门大街9号", "小区门口井盖松动，车辆经过声音很大。");
        var page = await console.SignInAsync("callback", "callbacks");
        try
        {
            var row = page.Locator($"tr[data-number='{number}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "回访" }).ClickAsync();
            await page.Locator("#cb-outcome").SelectOptionAsync("Unreachable");
            await Expect(page.Locator("#cb-solved")).ToHaveCountAsync(0);
            await page.Locator("#cb-failure").SelectOptionAsync("NoAnswer");
            await page.Locator("#cb-retry").SelectOptionAsync("NextWorkingDay");
            await Expect(page.GetByTestId("attempts-hint")).ToContainTextAsync("这是第 1 次回访（最多 3 次）");
            await ConsoleFixture.ScreenshotAsync(page, "callback-unreachable");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Tab, new() { Name = "待再次回访" }).ClickAsync();
            var retry = page.Locator($"table.retries tr[data-number='{number}']");
            await Expect(retry).ToContainTextAsync("无人接听");
            await Expect(retry).ToContainTextAsync("1 次");
            await Expect(retry).ToContainTextAsync("09:00");
            await ConsoleFixture.ScreenshotAsync(page, "callback-retries");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Supervisor_Should_Edit_The_Script_Of_An_Order_Type_On_The_Callback_Page()
    {
        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "回访队列" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "待回访" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Tab, new() { Name = "回访话术" }).ClickAsync();
            var praise = page.Locator(".script-item[data-type='Praise']");
            await praise.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            var text = "您好，这里是12345热线。您对承办单位的表扬已经转达，感谢您的支持！";
            await page.Locator("#script-body").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(praise.Locator(".pre")).ToHaveTextAsync(text);
            await Expect(praise).ToContainTextAsync("（督办 张强）");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(page, "callback-scripts");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Desk_Should_Stack_The_Queue_And_The_Form_On_A_Phone()
    {
        var (_, number) = await RepliedHelpRequestAsync("东华门大街10号", "路口信号灯不亮，过马路很危险。");
        var page = await console.SignInAsync("callback", "callbacks");
        try
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.Locator($"tr[data-number='{number}']").GetByRole(AriaRole.Button, new() { Name = "回访" }).ClickAsync();
            var form = page.GetByTestId("callback-form");
            await Expect(form).ToBeVisibleAsync();
            await page.Locator("#cb-outcome").SelectOptionAsync("Dissatisfied");
            await Expect(page.Locator("#cb-reason")).ToBeVisibleAsync();
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            var formBox = (await form.BoundingBoxAsync()).ShouldNotBeNull();
            formBox.Width.ShouldBeLessThanOrEqualTo(390);
            (await page.Locator("#cb-reason").BoundingBoxAsync()).ShouldNotBeNull().Width.ShouldBeGreaterThan(150, "the selects stay usable");
            await form.ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(page, "callback-desk-phone");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A help request (no 办结审核 by the default rules) replied by the water company: waiting for its callback.</summary>
    private async Task<(string Id, string Number)> RepliedHelpRequestAsync(string address, string content)
    {
        var (id, number) = await console.RegisterOrderAsync(
            "sw-ts", ("dc", "dc-dhm", address), content, ("周先生", "1390000" + Random.Shared.Next(1000, 9999)), type: "HelpRequest", dispatch: true);
        using var water = await console.ApiClientAsync("water");
        await ConsoleOrders.PostAsync(water, id, "accept", new { });
        await ConsoleOrders.PostAsync(water, id, "contact", new { note = "已电话联系市民" });
        await ConsoleOrders.PostAsync(water, id, "reply", new { solved = true, answer = "已安排维修人员处理完毕。" });
        return (id, number);
    }
}
