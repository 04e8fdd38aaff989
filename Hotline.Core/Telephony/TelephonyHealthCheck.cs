using Hotline.Core.Features.Callbacks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>
/// Names the telephone line in <c>/health/ready</c> (always healthy: no line is a valid configuration): Twilio, the
/// local line (本地模拟线路) or none, and whether replied orders are surveyed automatically.
/// </summary>
public sealed class TelephonyHealthCheck(TwilioCredentials credentials, IOptions<CallbackOptions> callbacks) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(Describe(credentials.Line, callbacks.Value.Automated)));

    public static string Describe(TelephonyLine line, bool automated)
    {
        var name = line switch
        {
            TelephonyLine.Twilio => "Twilio",
            TelephonyLine.Local => "本地模拟线路 (local line: survey SMS and calls stay on this machine; simulate-inbox shows them)",
            _ => "none (no Twilio on a server database)",
        };
        return line != TelephonyLine.None && automated
            ? $"{name}; automated callback surveys on"
            : $"{name}; automated callback surveys off, replied orders go to the human callback queue";
    }
}
