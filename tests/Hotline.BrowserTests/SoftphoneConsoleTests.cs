using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The browser softphone (浏览器软电话) in the agent's header: the agent chooses it as 接听方式; on the embedded local line
/// the API refuses a token and the console says why in Chinese; with a token (Twilio's signalling cannot be reached
/// offline, so the token answer is the one a configured deployment gives, signed here) the console loads the vendored
/// Voice SDK, constructs a <c>Twilio.Device</c> and shows its state, and no script error or policy violation escapes.
/// </summary>
public sealed class SoftphoneConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task BrowserAgent_Should_FetchATokenAndStartTheSoftphone_When_TheyChooseTheBrowser()
    {
        var page = await console.SignInAsync("agent", "agent");
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, error) => errors.Enqueue("pageerror: " + error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Unhandled", StringComparison.OrdinalIgnoreCase))
            {
                errors.Enqueue("console: " + message.Text);
            }
        };
        try
        {
            // 接听方式 → 浏览器软电话, by the agent in the header.
            await Expect(page.GetByTestId("connection-summary")).ToContainTextAsync("接听：");
            await page.GetByTestId("connection-summary").ClickAsync();
            await page.GetByTestId("connection-browser").CheckAsync();
            await page.Locator("#device-phone").FillAsync("13900002222");
            await ConsoleFixture.ScreenshotAsync(page, "agent-connection-settings");
            await page.GetByTestId("softphone").GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("connection-summary")).ToHaveTextAsync("接听：浏览器");

            // The local line has no softphone: refused, and said so.
            var state = page.GetByTestId("softphone-state");
            await Expect(state).ToHaveTextAsync("● 软电话不可用");
            (await state.GetAttributeAsync("title")).ShouldNotBeNull().ShouldContain("本地模拟线路不使用浏览器软电话");

            // A deployment with Twilio's API key answers a signed token: the SDK loads and the Device starts registering.
            var tokens = 0;
            await page.RouteAsync("**/api/agents/me/softphone-token", route =>
            {
                Interlocked.Increment(ref tokens);
                return route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = "application/json",
                    Body = JsonSerializer.Serialize(new { token = AccessToken(), identity = "agent-test", expiresAt = DateTimeOffset.UtcNow.AddHours(1) }),
                });
            });
            var sdk = page.WaitForResponseAsync(r => r.Url.EndsWith("lib/twilio-voice/twilio.min.js", StringComparison.Ordinal));
            await page.GetByTestId("softphone-retry").ClickAsync();
            (await sdk).Status.ShouldBe(200);
            tokens.ShouldBe(1);
            await Expect(state).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("软电话(连接中|未连接|出错)"));
            (await page.EvaluateAsync<bool>("() => typeof window.Twilio === 'object' && typeof window.Twilio.Device === 'function'")).ShouldBeTrue();

            // Offline, the Device's own signalling error (a Twilio error code), not a failure to load or construct it.
            var why = await state.GetAttributeAsync("title");
            TestContext.Current.TestOutputHelper?.WriteLine("softphone: " + why);
            why.ShouldNotBeNull().ShouldNotContain("无法加载");
            await ConsoleFixture.ScreenshotAsync(page, "agent-softphone");

            // Back to the phone: the softphone stops and its state leaves the header.
            await page.GetByTestId("connection-summary").ClickAsync();
            await page.GetByTestId("connection-phone").CheckAsync();
            await page.GetByTestId("softphone").GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("connection-summary")).ToHaveTextAsync("接听：13900002222");
            await Expect(state).ToHaveCountAsync(0);
            errors.ShouldBeEmpty(string.Join('\n', errors));
        }
        finally
        {
            using var http = await console.ApiClientAsync("agent");
            await http.PutAsJsonAsync("api/agents/me/device", new { phone = (string?)null, connection = "Phone" }, TestContext.Current.CancellationToken);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Admin_Should_SetAnAgentsConnection_And_TheAgentsConsoleFollowsIt()
    {
        var admin = await console.SignInAsync("admin", "supervisor");
        using var api = await console.ApiClientAsync("admin");
        try
        {
            await admin.GotoAsync("/admin/users");
            await admin.Locator("tr[data-user='agent2']").GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            await Expect(admin.GetByLabel("接听方式")).ToHaveValueAsync("Phone");
            await admin.GetByLabel("接听方式").SelectOptionAsync("Browser");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
            await Expect(admin.GetByTestId("admin-saved")).ToContainTextAsync("已保存 agent2");
            (await AgentConnectionAsync(api)).ShouldBe("Browser");

            var agent = await console.SignInAsync("agent2", "agent");
            await Expect(agent.GetByTestId("connection-summary")).ToHaveTextAsync("接听：浏览器");
            await Expect(agent.GetByTestId("softphone-state")).ToHaveTextAsync("● 软电话不可用");
            await agent.Context.CloseAsync();
        }
        finally
        {
            var agent2 = (await api.GetFromJsonAsync<JsonElement>("api/admin/users", TestContext.Current.CancellationToken)).EnumerateArray()
                .Single(u => u.GetProperty("userName").GetString() == "agent2");
            await api.PutAsJsonAsync($"api/admin/users/{agent2.GetProperty("id").GetString()}", new { callConnection = "Phone" }, TestContext.Current.CancellationToken);
            await admin.Context.CloseAsync();
        }

        (await AgentConnectionAsync(api)).ShouldBe("Phone");
    }

    private static async Task<string?> AgentConnectionAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("api/admin/users", TestContext.Current.CancellationToken)).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "agent2").GetProperty("callConnection").GetString();

    /// <summary>A token of Twilio's format (the API's own is checked in the unit and integration tests); the secret does not matter offline.</summary>
    private static string AccessToken()
    {
        static string Encode(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signingInput = Encode(new { alg = "HS256", typ = "JWT", cty = "twilio-fpa;v=1" }) + "." + Encode(new
        {
            jti = $"SKtest-{now}",
            iss = "SKtest",
            sub = "ACtest",
            iat = now,
            exp = now + 3600,
            grants = new { identity = "agent-test", voice = new { incoming = new { allow = true }, outgoing = new { application_sid = "APtest" } } },
        });
        var signature = Convert.ToBase64String(HMACSHA256.HashData("browser-test-secret"u8, Encoding.ASCII.GetBytes(signingInput))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return signingInput + "." + signature;
    }
}
