using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Hosting;

/// <summary>
/// The console, the API, /docs and /jobs answer with nosniff, no-referrer and a Content-Security-Policy without
/// inline script or framing; only the console may compile WebAssembly; the citizen pages keep their own policy.
/// </summary>
public sealed partial class SecurityHeadersTests(SqliteApiFixture fixture) : ApiTestBase(fixture), IClassFixture<SqliteApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/agent")]
    [InlineData("/index.html")]
    public async Task Console_Should_SendAStrictPolicyThatLetsBlazorRun_When_ItsPageIsLoaded(string path)
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync(path, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var policy = Directives(response);
        policy["script-src"].ShouldBe(["'self'", "'wasm-unsafe-eval'"]);
        policy["default-src"].ShouldBe(["'none'"]);
        policy["style-src"].ShouldBe(["'self'"]);
        // The browser softphone's signalling and call-quality events, and its ringing sounds; nothing else off-origin.
        policy["connect-src"].ShouldBe(["'self'", "wss://*.twilio.com", "https://*.twilio.com"]);
        policy["media-src"].ShouldBe(["'self'", "https://sdk.twilio.com"]);
        policy["frame-ancestors"].ShouldBe(["'none'"]);
        ShouldHaveCommonHeaders(response);
    }

    [Fact]
    public async Task Api_Should_SendTheHeaders_When_TheAnswerIsAnError()
    {
        using var anonymous = Fixture.AnonymousClient();

        var unauthorized = await anonymous.GetAsync("/api/tickets", Ct);
        var notFound = await anonymous.GetAsync("/api/no-such-route", Ct);

        foreach (var response in new[] { unauthorized, notFound })
        {
            ShouldHaveCommonHeaders(response);
            Directives(response)["frame-ancestors"].ShouldBe(["'none'"]);
        }
    }

    [Fact]
    public async Task Docs_Should_AllowExactlyItsOwnInlineScriptByHash_When_TheReferenceIsLoaded()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync("/docs/", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var inline = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToList();
        inline.ShouldNotBeEmpty("Scalar's page starts itself with an inline module script");
        var policy = Directives(response);
        policy["script-src"].ShouldBe(["'self'", .. inline.Select(s => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)))}'").Distinct()]);
        policy["script-src"].ShouldNotContain("'unsafe-inline'");
        policy["script-src"].ShouldNotContain("'wasm-unsafe-eval'");
        policy["frame-ancestors"].ShouldBe(["'none'"]);
        response.Content.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(html));
        ShouldHaveCommonHeaders(response);
    }

    [Fact]
    public async Task Jobs_Should_SendAPolicyWithoutInlineScriptOrWebAssembly_When_TheDashboardIsLoaded()
    {
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.GetAsync("/jobs/recurring", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var policy = Directives(response);
        policy["script-src"].ShouldBe(["'self'"]);
        policy["frame-ancestors"].ShouldBe(["'none'"]);
        ShouldHaveCommonHeaders(response);
    }

    [Fact]
    public async Task CitizenPages_Should_KeepTheirOwnPolicy_When_Loaded()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync("/citizen/", Ct);

        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(Hotline.Api.Citizens.CitizenSecurityHeaders.CitizenPagesPolicy);
        ShouldHaveCommonHeaders(response);
    }

    private static void ShouldHaveCommonHeaders(HttpResponseMessage response)
    {
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("no-referrer");
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
