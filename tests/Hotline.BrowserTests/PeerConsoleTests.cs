using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>平台对接 (issue 21 item 3): an Admin adds a peer hotline, sees the shared secret once, and disables it.</summary>
public sealed class PeerConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Admin_Should_AddAPeerHotline_SeeTheSecretOnce_AndDisableIt()
    {
        var name = "天津12345-" + Guid.NewGuid().ToString("N")[..4];
        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "平台对接" }).ClickAsync();

            await admin.GetByLabel("名称").FillAsync(name);
            await admin.GetByLabel("接口地址").FillAsync("ftp://127.0.0.1/exchange/");
            await admin.GetByLabel("对接标识").FillAsync("jjj-" + Guid.NewGuid().ToString("N")[..8]);
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(admin.Locator("#peer-url-error")).ToContainTextAsync("http 或 https");

            await admin.GetByLabel("接口地址").FillAsync("http://127.0.0.1:9/api/exchange/");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var secret = (await admin.Locator("[data-testid=peer-secret] code").InnerTextAsync()).Trim();
            secret.ShouldStartWith("peer_");
            var row = admin.Locator("tr", new() { HasText = name });
            await Expect(row).ToContainTextAsync("热线平台");
            await Expect(row).ToContainTextAsync("启用");
            await Expect(row).Not.ToContainTextAsync(secret);
            await ConsoleFixture.ScreenshotAsync(admin, "admin-peers");

            await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
            await Expect(admin.Locator("tr", new() { HasText = name })).ToContainTextAsync("已停用");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }
}
