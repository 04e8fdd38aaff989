using System.Text.Json.Nodes;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The console renews its access token with the session's refresh token (docs/security.md): a token about to run out
/// is renewed before it is used, and one the API refuses is renewed and the request sent again, so a long shift is not
/// sent back to the sign-in page.
/// </summary>
public sealed class SessionRefreshTests(ConsoleFixture console)
{
    private const string StorageKey = "hotline.session";

    [Fact]
    public async Task Console_Should_RenewTheAccessToken_When_ItHasRunOutOrIsRefused()
    {
        var page = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "督办看板" })).ToBeVisibleAsync();
            var first = await StoredAsync(page);
            var refreshToken = first["refreshToken"]!.GetValue<string>();

            // Expired while the tab slept: renewed as the console starts again.
            first["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
            await StoreAsync(page, first);
            await page.GotoAsync("/search");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "督办看板" })).ToBeVisibleAsync();
            var renewed = await StoredAsync(page);
            renewed["accessToken"]!.GetValue<string>().ShouldNotBe(first["accessToken"]!.GetValue<string>());
            renewed["refreshToken"]!.GetValue<string>().ShouldNotBe(refreshToken, "a refresh token is used once");
            DateTimeOffset.Parse(renewed["expiresAt"]!.GetValue<string>()).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(1));

            // Refused by the API (here: a token it never issued): renewed and the page's request sent again.
            renewed["accessToken"] = "not.a-token.at-all";
            await StoreAsync(page, renewed);
            await page.GotoAsync("/supervisor");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.WaitForFunctionAsync($"() => !(sessionStorage.getItem('{StorageKey}') || 'not.a-token').includes('not.a-token')");
            await Expect(page.GetByText("登录已失效")).ToHaveCountAsync(0);
            await Expect(page.Locator("#user")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "督办看板" })).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<JsonObject> StoredAsync(IPage page) =>
        JsonNode.Parse(await page.EvaluateAsync<string>($"sessionStorage.getItem('{StorageKey}')"))!.AsObject();

    private static Task StoreAsync(IPage page, JsonObject token) =>
        page.EvaluateAsync($"t => sessionStorage.setItem('{StorageKey}', t)", token.ToJsonString());
}
