using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>The console on a phone (390×844), as unit staff on the street use it.</summary>
public sealed class PhoneLayoutTests(ConsoleFixture console)
{
    [Fact]
    public async Task Navigation_Should_Keep_Each_Link_On_One_Line_And_The_Detail_Page_Should_Stack_Its_Columns_On_A_Phone()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("hd", "hd-zgc", "中关村大街27号"), "楼里突然停水，家里有老人。", ("郑女士", "13700005555"), type: "HelpRequest", dispatch: true);

        var unit = await console.SignInAsync("water", "unit");
        try
        {
            await unit.SetViewportSizeAsync(390, 844);
            await Expect(unit.Locator($"tr[data-number]").First).ToBeVisibleAsync();

            // Every link is one line of text (it wrapped one character per line), and nothing widens the page.
            foreach (var link in await unit.Locator(".main-nav a").AllAsync())
            {
                var box = (await link.BoundingBoxAsync()).ShouldNotBeNull();
                box.Height.ShouldBeLessThan(36, await link.InnerTextAsync());
                box.Width.ShouldBeGreaterThan(box.Height);
            }

            (await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            await ConsoleFixture.ScreenshotAsync(unit, "unit-inbox-phone");

            // The detail page puts its two columns one under the other.
            await unit.GotoAsync($"tickets/{id}");
            await Expect(unit.GetByTestId("status")).ToHaveTextAsync("待签收");
            var columns = unit.Locator(".detail > .col");
            var first = (await columns.Nth(0).BoundingBoxAsync()).ShouldNotBeNull();
            var second = (await columns.Nth(1).BoundingBoxAsync()).ShouldNotBeNull();
            second.Y.ShouldBeGreaterThanOrEqualTo(first.Y + first.Height);
            first.Width.ShouldBeGreaterThan(300);
            (await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
            await ConsoleFixture.ScreenshotAsync(unit, "order-detail-phone");
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }
}
