using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Citizens;

/// <summary>
/// Limits of the public channels (<c>CitizenChannels:RateLimits</c>): fixed windows per client IP, and per
/// phone number on the public form. A rejected request answers 429 with <c>Retry-After</c> and nothing is stored.
/// Behind a reverse proxy, configure forwarded headers so the client IP is the citizen's, not the proxy's.
/// </summary>
public sealed class CitizenRateLimitOptions
{
    public const string Section = "CitizenChannels:RateLimits";

    /// <summary>Public-form submissions per client IP per <see cref="SubmissionWindow"/>.</summary>
    public int SubmissionsPerClient { get; set; } = 10;

    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Public-form submissions per phone number per <see cref="PhoneWindow"/>.</summary>
    public int SubmissionsPerPhone { get; set; } = 5;

    public TimeSpan PhoneWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Open311 POST requests per client IP per <see cref="SubmissionWindow"/> (client systems send for many citizens).</summary>
    public int Open311SubmissionsPerClient { get; set; } = 300;

    /// <summary>Tracking look-ups and Open311 GETs per client IP per <see cref="ReadWindow"/>.</summary>
    public int ReadsPerClient { get; set; } = 120;

    public TimeSpan ReadWindow { get; set; } = TimeSpan.FromMinutes(1);
}

public static class CitizenRateLimiting
{
    public const string Submissions = "citizen-submissions";
    public const string Open311Submissions = "open311-submissions";
    public const string Reads = "citizen-reads";

    public static IServiceCollection AddCitizenRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CitizenRateLimitOptions>().Bind(configuration.GetSection(CitizenRateLimitOptions.Section))
            .Validate(o => o.SubmissionsPerClient > 0 && o.SubmissionsPerPhone > 0 && o.Open311SubmissionsPerClient > 0 && o.ReadsPerClient > 0
                && o.SubmissionWindow > TimeSpan.Zero && o.PhoneWindow > TimeSpan.Zero && o.ReadWindow > TimeSpan.Zero, "Rate limits and windows must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PhoneRateLimiter>();
        services.AddSingleton<Hotline.Core.Features.Citizens.ISubmissionPhoneLimit>(sp => sp.GetRequiredService<PhoneRateLimiter>());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Submissions, http => PerClient(http, Submissions, l => (l.SubmissionsPerClient, l.SubmissionWindow)));
            o.AddPolicy(Open311Submissions, http => PerClient(http, Open311Submissions, l => (l.Open311SubmissionsPerClient, l.SubmissionWindow)));
            o.AddPolicy(Reads, http => PerClient(http, Reads, l => (l.ReadsPerClient, l.ReadWindow)));
            o.OnRejected = (context, ct) => new ValueTask(WriteRejectionAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : null, ct));
        });
        return services;
    }

    /// <summary>429 as ProblemDetails, or as an Open311 error list under /open311.</summary>
    public static async Task WriteRejectionAsync(HttpContext http, TimeSpan? retryAfter, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        const string detail = "提交过于频繁，请稍后再试。(Too many requests; try again later.)";
        if (http.Request.Path.StartsWithSegments(Open311.Open311Format.BasePath))
        {
            await Open311.Open311Format.WriteErrorsAsync(http, StatusCodes.Status429TooManyRequests, [detail], ct);
            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "请求过于频繁 (Too many requests)", Detail = detail },
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, Func<CitizenRateLimitOptions, (int Permits, TimeSpan Window)> pick)
    {
        var (permits, window) = pick(http.RequestServices.GetRequiredService<IOptions<CitizenRateLimitOptions>>().Value);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}

/// <summary>
/// Per-phone limit of the public form: the intake asks it only for a valid, new submission (so invalid requests
/// never burn a citizen's budget), and one number has one budget however it is written (+86, 0086, spaces).
/// </summary>
public sealed class PhoneRateLimiter(IOptions<CitizenRateLimitOptions> options) : Hotline.Core.Features.Citizens.ISubmissionPhoneLimit, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(phone =>
        RateLimitPartition.GetFixedWindowLimiter(phone, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubmissionsPerPhone,
            Window = options.Value.PhoneWindow,
            QueueLimit = 0,
        }));

    /// <summary>Null when allowed (or no phone was given), otherwise how long to wait before trying again.</summary>
    public TimeSpan? Rejects(string? phone)
    {
        var digits = Normalize(phone);
        if (digits.Length == 0)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(digits);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : options.Value.PhoneWindow;
    }

    /// <summary>The digits only; a Chinese country prefix (+86, 0086, 86) before an 11-digit mobile number is dropped.</summary>
    public static string Normalize(string? phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        foreach (var prefix in new[] { "0086", "86" })
        {
            if (digits.Length == prefix.Length + 11 && digits.StartsWith(prefix, StringComparison.Ordinal) && digits[prefix.Length] == '1')
            {
                return digits[prefix.Length..];
            }
        }

        return digits;
    }

    public void Dispose() => _limiter.Dispose();
}

public static class CitizenChannelsSetup
{
    /// <summary>Rate limits of the public channels and the Open311 discovery details.</summary>
    public static IServiceCollection AddCitizenChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCitizenRateLimiting(configuration);
        services.AddOptions<Open311.Open311Options>().Bind(configuration.GetSection(Open311.Open311Options.Section))
            .Validate(o => o.EndpointType is "production" or "test", "CitizenChannels:Open311:EndpointType is production or test.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || (Uri.TryCreate(o.PublicBaseUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "CitizenChannels:Open311:PublicBaseUrl is an absolute http or https URL.")
            .ValidateOnStart();
        return services;
    }
}
