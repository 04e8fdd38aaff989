using System.Security.Cryptography;
using System.Text;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// An agent sets their presence to available in the header; a call signed as the simulator signs it (the embedded
/// development token) rings them: the toast and the current-calls panel show it, and the toast opens the form.
/// </summary>
public sealed class TelephonyConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task IncomingCall_Should_RingTheAgent_When_TheAgentIsAvailable()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            var presence = agent.GetByTestId("presence");
            await Expect(presence).ToBeEnabledAsync();
            await presence.SelectOptionAsync("Available");
            await Expect(agent.Locator("header .presence-available")).ToBeVisibleAsync();

            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            var response = await PostSignedCallAsync("CA" + Guid.NewGuid().ToString("N"), "+86" + phone);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            await Expect(agent.Locator(".toast.call")).ToContainTextAsync("+86" + phone);
            await Expect(agent.GetByTestId("active-calls")).ToContainTextAsync("+86" + phone);
            await ConsoleFixture.ScreenshotAsync(agent, "agent-call-ringing");
            var width = await agent.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(1366);

            await agent.Locator(".toast.call a").ClickAsync();
            await Expect(agent.Locator("#citizen-phone")).ToHaveValueAsync("+86" + phone);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    private async Task<HttpResponseMessage> PostSignedCallAsync(string callSid, string from)
    {
        // As the simulator does: use the development token of the data folder, creating it when the API has not yet.
        var path = Path.Combine(console.DataDirectory, "twilio-dev-token");
        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), TestContext.Current.CancellationToken);
        }

        var token = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Trim();
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["CallSid"] = callSid, ["From"] = from, ["CallStatus"] = "ringing", ["Direction"] = "inbound" };
        var url = new Uri(console.BaseAddress, "/twilio/voice/incoming").ToString();
        var signed = url + string.Concat(form.Select(p => p.Key + p.Value));
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(signed)));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
