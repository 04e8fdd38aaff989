using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>拆单 in the console: an agent splits a Registered order into two parts; the original closes and links its parts, each part links back.</summary>
public sealed class SplitConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Agent_Should_Split_An_Order_Into_Two_Parts_And_See_Both_And_The_Closed_Original()
    {
        var (id, number) = await console.RegisterOrderAsync("sw-ts", ("xc", "xc-ssh", "什刹海前海东沿2号"), "胡同里停水了，另外门口垃圾好几天没人清运。", ("郑先生", "13700005555"));
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.GotoAsync($"tickets/{id}");
            var split = agent.GetByRole(AriaRole.Button, new() { Name = "拆单", Exact = true });
            await Expect(split).ToBeDisabledAsync();
            await agent.Locator("#split-content-0").FillAsync("胡同里停水了。");
            await agent.Locator("#split-category-0").SelectOptionAsync("sw-ts");
            await agent.Locator("#split-content-1").FillAsync("门口垃圾好几天没人清运。");
            await agent.Locator("#split-category-1").SelectOptionAsync("hj-yy");
            await ConsoleFixture.ScreenshotAsync(agent, "order-split");
            await split.ClickAsync();

            await Expect(agent.GetByTestId("status")).ToHaveTextAsync("已办结");
            var parts = agent.GetByTestId("split-into").Locator("a");
            await Expect(parts).ToHaveCountAsync(2);
            await ConsoleFixture.ScreenshotAsync(agent, "order-split-original");

            await parts.First.ClickAsync();
            await Expect(agent.GetByTestId("split-from")).ToContainTextAsync(number);
            await Expect(agent.GetByTestId("status")).ToHaveTextAsync("待派单");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }
}
