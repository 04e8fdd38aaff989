using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hotline.Api;

/// <summary>
/// Response headers of the staff surfaces (the console at <c>/</c>, the API, <c>/docs</c>, <c>/jobs</c>):
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c> (a <c>/jobs?access_token=</c> URL never
/// leaves in a Referer) and a Content-Security-Policy with <c>frame-ancestors 'none'</c> and no inline script.
/// The console's policy adds <c>'wasm-unsafe-eval'</c>, which Blazor WebAssembly needs to compile the runtime;
/// the API reference's page carries one inline module script (Scalar's start-up call), allowed by its SHA-256
/// hash, and Scalar's injected styles; the job dashboard's scripts set inline styles (its charts), allowed there
/// and nowhere else. The citizen pages keep their own, stricter policy
/// (<see cref="Citizens.CitizenSecurityHeaders"/>).
/// </summary>
public static partial class SecurityHeaders
{
    public const string ConsolePolicy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' " + TwilioVoiceSources + "; "
        + "media-src 'self' https://sdk.twilio.com; "
        + "manifest-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Where the browser softphone (Twilio Voice JavaScript SDK, vendored under <c>lib/twilio-voice</c>) connects: its
    /// signalling over WebSocket to Twilio's edges and its call-quality events. The audio itself is WebRTC, outside CSP;
    /// the ringing sounds load from <c>sdk.twilio.com</c> (media-src).
    /// </summary>
    private const string TwilioVoiceSources = "wss://*.twilio.com https://*.twilio.com";

    public const string JobsPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    public const string DocsPath = "/docs";

    public static string DocsPolicy(IEnumerable<string> scriptHashes) =>
        $"default-src 'none'; script-src 'self'{string.Concat(scriptHashes.Select(h => $" 'sha256-{h}'"))}; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        + "base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments(DocsPath) && !Path.HasExtension(path.Value))
        {
            await WithDocsPolicyAsync(http, next);
            return;
        }

        var policy = path.StartsWithSegments(Jobs.JobsDashboard.Path) ? JobsPolicy : path.StartsWithSegments("/citizen") ? null : ConsolePolicy;

        // On starting, not now: the exception handler clears the headers of a response it rewrites.
        http.Response.OnStarting(() =>
        {
            Common(http.Response.Headers);
            if (policy is not null)
            {
                http.Response.Headers.ContentSecurityPolicy = policy;
            }

            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>The reference page is small HTML: buffered, so its inline scripts' hashes can go in its policy.</summary>
    private static async Task WithDocsPolicyAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var hashes = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            ? InlineScript().Matches(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length))
                .Select(m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))))
                .Distinct()
                .ToList()
            : [];
        Common(http.Response.Headers);
        http.Response.Headers.ContentSecurityPolicy = DocsPolicy(hashes);
        if (http.Response.ContentLength is not null)
        {
            http.Response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static void Common(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
