using System.Collections.Concurrent;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The console, the API reference and the job dashboard work under their Content-Security-Policy: Chromium reports
/// no violation while a supervisor signs in, opens the live pages and the charts, reads /docs and opens /jobs.
/// </summary>
public sealed class SecurityPolicyTests(ConsoleFixture console)
{
    [Fact]
    public async Task StaffPages_Should_WorkWithoutAPolicyViolation_When_ASupervisorUsesThem()
    {
        var context = await console.NewContextAsync();
        var violations = new ConcurrentQueue<string>();
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        try
        {
            var page = await context.NewPageAsync();
            var document = await page.GotoAsync("/");
            document!.Headers["content-security-policy"].ShouldContain("'wasm-unsafe-eval'");
            await page.Locator("#user").FillAsync("supervisor");
            await page.Locator("#password").FillAsync("Demo#12345");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(new Uri(console.BaseAddress, "supervisor").ToString());
            await Expect(page.GetByTestId("connection")).ToContainTextAsync("已连接");

            // The charts draw with SVG attributes, not inline styles, which the policy refuses.
            await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
            await Expect(page.Locator("table.kpi-table tbody tr").First).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "工单趋势" }).ClickAsync();
            await Expect(page.Locator("figure.chart .legend svg.swatch").First).ToBeVisibleAsync();

            var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('hotline.session')).accessToken");
            await page.GotoAsync("/docs/");
            await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Sidebar for Hotline API" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reference data" }).First).ToBeVisibleAsync();

            await page.GotoAsync("/jobs?access_token=" + Uri.EscapeDataString(token));
            await Expect(page.GetByText("Hotline 作业").First).ToBeVisibleAsync();
            await page.GotoAsync("/jobs/recurring");
            await Expect(page.GetByText("deadline-sweep").First).ToBeVisibleAsync();

            violations.ShouldBeEmpty(string.Join('\n', violations));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
