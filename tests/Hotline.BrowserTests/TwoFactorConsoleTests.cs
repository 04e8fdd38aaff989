using System.Net.Http.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The 两步验证 journey (issue 20 item 5): a Supervisor without a second factor lands on the enrolment page and nothing
/// else, scans the QR code (the test plays the authenticator app from the secret shown), keeps the recovery codes, and
/// then signs in with the password and a code; a wrong code is refused on the sign-in page. An Admin then sees the
/// account's two sessions on 用户管理 and ends one.
/// </summary>
public sealed class TwoFactorConsoleTests(ConsoleFixture console)
{
    private const string Password = "Browser#2026-supervisor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrolment_Should_ShowTheQrCodeAndRecoveryCodes_And_TheNextSignInAsksForTheCode_When_ARoleRequiresIt()
    {
        var userName = "tfa" + Guid.NewGuid().ToString("N")[..6];
        using (var admin = await console.ApiClientAsync("admin"))
        {
            (await admin.PostAsJsonAsync("api/admin/users", new { userName, displayName = "督办 两步验证", password = Password, roles = new[] { "Supervisor" } }, Ct))
                .EnsureSuccessStatusCode();
        }

        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, userName);
            await page.WaitForURLAsync(new Uri(console.BaseAddress, "account/2fa").ToString());
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("您的角色要求启用两步验证");
            (await page.GetByRole(AriaRole.Link, new() { Name = "督办看板" }).CountAsync()).ShouldBe(0, "no other page while enrolment is pending");

            await page.GetByRole(AriaRole.Button, new() { Name = "开始绑定" }).ClickAsync();
            await Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
            var secret = (await page.Locator("code.secret").InnerTextAsync()).Trim();
            await ConsoleFixture.ScreenshotAsync(page, "account-2fa-enrol");

            await page.Locator("#totp").FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "确认启用" }).ClickAsync();
            var codes = page.Locator(".recovery-codes li");
            await Expect(codes).ToHaveCountAsync(10);
            var recovery = (await codes.Nth(0).InnerTextAsync()).Trim();
            await ConsoleFixture.ScreenshotAsync(page, "account-2fa-recovery-codes");

            await page.GetByRole(AriaRole.Button, new() { Name = "我已保存恢复码，重新登录" }).ClickAsync();
            await SignInAsync(page, userName);
            await Expect(page.Locator("#code")).ToBeVisibleAsync();
            await page.Locator("#code").FillAsync("000000");
            await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("动态验证码");
            await ConsoleFixture.ScreenshotAsync(page, "signin-code-step");

            await page.Locator("#code").FillAsync(recovery);
            await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
            await page.WaitForURLAsync(new Uri(console.BaseAddress, "supervisor").ToString());
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "督办看板" })).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }

        // The Admin sees the sign-ins that have not ended and ends one.
        var adminPage = await console.SignInAsync("admin", "supervisor");
        try
        {
            await adminPage.GotoAsync("/admin/users");
            await adminPage.Locator($"tr[data-user='{userName}']").GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            var sessions = adminPage.GetByTestId("user-sessions").Locator("tbody tr");
            await Expect(sessions).ToHaveCountAsync(2);
            await Expect(adminPage.GetByTestId("user-sessions")).ToContainTextAsync("密码 + 动态验证码");
            await Expect(adminPage.GetByTestId("user-sessions")).ToContainTextAsync("仅可绑定两步验证");
            await adminPage.GetByTestId("user-sessions").ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(adminPage, "admin-user-sessions");
            await sessions.First.GetByRole(AriaRole.Button, new() { Name = "结束" }).ClickAsync();
            await Expect(adminPage.GetByTestId("admin-saved")).ToContainTextAsync("已结束该登录会话");
            await Expect(sessions).ToHaveCountAsync(1);

            // A lost phone: the Admin resets the second factor after a confirmation; the next sign-in enrols again.
            await Expect(adminPage.GetByTestId("two-factor-state")).ToHaveTextAsync("已启用两步验证");
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "重置两步验证（手机丢失）" }).ClickAsync();
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "确认重置" }).ClickAsync();
            await Expect(adminPage.GetByTestId("admin-saved")).ToContainTextAsync("已重置两步验证");
            await Expect(adminPage.GetByTestId("two-factor-state")).ToHaveTextAsync("未启用两步验证");
        }
        finally
        {
            await adminPage.Context.CloseAsync();
        }

        var again = await console.NewContextAsync();
        try
        {
            var page = await again.NewPageAsync();
            await SignInAsync(page, userName);
            await page.WaitForURLAsync(new Uri(console.BaseAddress, "account/2fa").ToString());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "开始绑定" })).ToBeVisibleAsync();
        }
        finally
        {
            await again.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.Locator("#user").FillAsync(userName);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
