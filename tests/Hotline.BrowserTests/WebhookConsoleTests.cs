using System.Net;
using System.Net.Sockets;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>事件订阅 (issue 21 item 1): an Admin adds a subscriber, sees the generated secret once, sees the failures of a receiver that is down, and deletes it.</summary>
public sealed class WebhookConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Admin_Should_AddASubscriber_SeeTheSecretOnce_AndItsFailures_When_TheReceiverIsDown()
    {
        var closedPort = ClosedPort();
        var name = "区级系统" + Guid.NewGuid().ToString("N")[..4];
        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "事件订阅" }).ClickAsync();

            await admin.GetByLabel("名称").FillAsync(name);
            await admin.GetByLabel("推送地址").FillAsync("ftp://127.0.0.1/hooks");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(admin.Locator("#hook-url-error")).ToContainTextAsync("http 或 https");

            await admin.GetByLabel("推送地址").FillAsync($"http://127.0.0.1:{closedPort}/hooks");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var secret = (await admin.Locator("[data-testid=webhook-secret] code").InnerTextAsync()).Trim();
            secret.ShouldStartWith("whsec_");
            var row = admin.Locator("tr", new() { HasText = name });
            await Expect(row).ToContainTextAsync("启用");
            await Expect(row).Not.ToContainTextAsync(secret);

            // Any order change now goes to the closed port and fails; the page shows the error after a reload.
            await ConsoleOrders.AcceptedComplaintAsync(console, "事件订阅测试 " + Guid.NewGuid().ToString("N")[..6], "测试市民", "东华门大街1号");
            var failed = false;
            for (var attempt = 0; attempt < 20 && !failed; attempt++)
            {
                await admin.ReloadAsync();
                await Expect(row).ToContainTextAsync("启用");
                failed = (await row.InnerTextAsync()).Contains("refused", StringComparison.OrdinalIgnoreCase);
                if (!failed)
                {
                    await Task.Delay(1000, TestContext.Current.CancellationToken);
                }
            }

            failed.ShouldBeTrue("the page shows the receiver's connection failure");
            await ConsoleFixture.ScreenshotAsync(admin, "admin-webhooks");

            await admin.Locator("tr", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(admin.Locator("tr", new() { HasText = name })).ToHaveCountAsync(0);
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
