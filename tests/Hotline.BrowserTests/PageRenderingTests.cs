using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>Every page renders its content at 1366×768 without sideways scrolling; each is photographed.</summary>
public sealed class PageRenderingTests(ConsoleFixture console)
{
    [Fact]
    public async Task SignIn_Should_Render_And_Refuse_A_Wrong_Password_In_Chinese()
    {
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录工作台" })).ToBeVisibleAsync();
            // Before anyone signs in there is no live connection to report (it said 已断开).
            await Expect(page.GetByTestId("connection")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(page, "sign-in");

            await page.Locator("#user").FillAsync("agent");
            await page.Locator("#password").FillAsync("wrong-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误。");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("agent", "agent", "受理登记", "agent-workspace-empty")]
    [InlineData("water", "unit", "本单位工单", "unit-inbox-empty")]
    [InlineData("supervisor", "supervisor", "督办看板", "supervisor-board")]
    [InlineData("callback", "callbacks", "回访队列", "callback-queue-empty")]
    [InlineData("supervisor", "search", "工单查询", "search")]
    public async Task Page_Should_Render_At_1366x768_When_Signed_In_With_Its_Role(string user, string path, string heading, string screenshot)
    {
        var page = await console.SignInAsync(user, user == "supervisor" ? "supervisor" : path);
        try
        {
            if (page.Url != new Uri(console.BaseAddress, path).ToString())
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "工单查询" }).ClickAsync();
                await page.Locator("#q").FillAsync("停水");
                await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
                await Expect(page.Locator("table.tickets tbody tr").First).ToBeVisibleAsync();
            }

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
            await Expect(page.GetByText("正在加载")).ToHaveCountAsync(0);
            await Expect(page.Locator("header.top")).ToContainTextAsync(user == "water" ? "承办单位" : "");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(page, screenshot);

            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(1366, $"{path} scrolls sideways at 1366 px");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Detail_Should_Show_Deadlines_Timeline_And_Supervisor_Actions_When_Opened_From_The_Board()
    {
        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            var first = page.Locator("section[data-list='overdue'] table.tickets tbody tr a").First;
            await Expect(first).ToBeVisibleAsync();
            await first.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "流转记录" })).ToBeVisibleAsync();
            await Expect(page.Locator(".timeline li").First).ToBeVisibleAsync();
            await Expect(page.Locator(".deadlines")).ToContainTextAsync("签收");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "催办" })).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(page, "order-detail-supervisor");

            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(1366);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Register_Should_Show_The_Servers_Validation_Error_In_Chinese_When_The_Phone_Is_Malformed()
    {
        var page = await console.SignInAsync("agent", "agent");
        try
        {
            await page.Locator("#category-search").FillAsync("停水");
            await page.Locator("#category").SelectOptionAsync("sw-ts");
            await page.Locator("#citizen-phone").FillAsync("电话号码不详");
            await page.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await page.Locator("#content").FillAsync("测试：电话格式错误时应提示。");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();

            // The server's message lands under the phone field, which is marked and focused (it was one sentence on top).
            await Expect(page.Locator("#citizen-phone-error")).ToHaveTextAsync("电话号码格式不正确。");
            await Expect(page.Locator("#citizen-phone")).ToBeFocusedAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("有 1 处需要修改");
            await Expect(page.GetByTestId("created")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AgentWorkspace_Should_Show_The_Callers_Earlier_Orders_When_Opened_For_A_Ringing_Call()
    {
        var page = await console.SignInAsync("agent", "agent");
        try
        {
            // The call toast links here; the demo city has two orders from this caller (停水 and its duplicate).
            await page.GotoAsync("/agent?from=13800138001&callSid=CA00000000000000000000000000000001");
            await Expect(page.Locator("#citizen-phone")).ToHaveValueAsync("13800138001");
            var history = page.Locator("section.history");
            await Expect(history).ToContainTextAsync("来电人历史工单");
            await Expect(history.Locator("li")).ToHaveCountAsync(2);
            await ConsoleFixture.ScreenshotAsync(page, "agent-incoming-call");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task SupervisorBoard_Should_List_Extensions_Waiting_For_A_Decision()
    {
        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            var extensions = page.Locator("section[data-list='extensions']");
            await Expect(extensions).ToContainTextAsync("延期待审批");
            await Expect(extensions.Locator("table.tickets tbody tr a").First).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
