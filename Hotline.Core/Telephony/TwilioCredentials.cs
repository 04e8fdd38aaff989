using System.Security.Cryptography;
using Hotline.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>
/// The token webhooks are signed with. With Twilio configured it is the account's auth token and nothing else.
/// Without Twilio, and only on the embedded SQLite database, it is a random development token kept in the
/// data folder (<c>twilio-dev-token</c>, created on first use) so that the local simulator can sign webhooks
/// as Twilio would. A server database without Twilio has no token at all: every webhook answers 403.
/// The same condition picks the <see cref="Line"/> surveys go out on: Twilio, the local line (本地模拟线路,
/// exactly when the development token is used) or none (the human callback queue only).
/// </summary>
public sealed class TwilioCredentials
{
    public const string DevTokenFileName = "twilio-dev-token";

    private readonly Lazy<string?> _webhookToken;

    public TwilioCredentials(IOptions<TwilioOptions> twilio, IOptions<DatabaseOptions> database, IHostEnvironment environment)
    {
        var options = twilio.Value;
        IsLiveTwilio = options.IsConfigured;
        SoftphoneConfigured = options.SoftphoneConfigured;
        Line = options.IsConfigured ? TelephonyLine.Twilio
            : database.Value.Provider == DatabaseProvider.Sqlite ? TelephonyLine.Local
            : TelephonyLine.None;
        _webhookToken = new Lazy<string?>(() =>
        {
            if (options.IsConfigured)
            {
                return options.AuthToken;
            }

            return database.Value.Provider == DatabaseProvider.Sqlite
                ? ReadOrCreateDevToken(Path.GetFullPath(database.Value.DataDirectory, environment.ContentRootPath))
                : null;
        });
    }

    /// <summary>True when the account's credentials are configured (REST calls go to Twilio).</summary>
    public bool IsLiveTwilio { get; }

    /// <summary>True when Twilio and the softphone's API key and TwiML App are configured (<see cref="TwilioOptions.SoftphoneConfigured"/>).</summary>
    public bool SoftphoneConfigured { get; }

    /// <summary>Where survey SMS and calls go: Twilio, the local line (embedded database without Twilio), or nowhere.</summary>
    public TelephonyLine Line { get; }

    /// <summary>The token webhook signatures are checked with; null means every webhook is refused.</summary>
    public string? WebhookToken => _webhookToken.Value;

    /// <summary>Reads the development token of an embedded data folder, creating it on first use (owner-only where supported).</summary>
    public static string ReadOrCreateDevToken(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, DevTokenFileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(token);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return token;
    }
}

/// <summary>The line survey SMS and calls are handed to.</summary>
public enum TelephonyLine
{
    /// <summary>No line (server database without Twilio): no automated surveys, replied orders go to the human queue.</summary>
    None,

    /// <summary>Twilio's REST API (<see cref="TwilioRestClient"/>).</summary>
    Twilio,

    /// <summary>本地模拟线路: nothing leaves the machine; the simulator reads what was sent and answers it (<see cref="LocalLineClient"/>).</summary>
    Local,
}
