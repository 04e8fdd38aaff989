using System.Globalization;
using Hotline.Core.Data;
using Hotline.Core.Telephony;

namespace Hotline.Api.Telephony;

/// <summary>
/// Rings the local hotline and answers surveys the way Twilio would, with correctly signed webhooks:
/// <code>
/// dotnet run --project Hotline.Api -- simulate-call 13800000000      # rings the agents, prints the CallSid
/// dotnet run --project Hotline.Api -- simulate-hangup CA…            # ends that call
/// dotnet run --project Hotline.Api -- simulate-sms 13800000000 11    # the citizen answers an SMS survey
/// </code>
/// It signs with the configured Twilio auth token, or (embedded database without Twilio) with the development
/// token in the data folder, which the API reads from the same place. It never weakens the API: a webhook the
/// simulator could not sign is refused like any other. Option <c>--url</c> (default http://localhost:5080)
/// is where the API runs.
/// </summary>
public static class TelephonySimulator
{
    private static readonly string[] Commands = ["simulate-call", "simulate-hangup", "simulate-sms"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url") ?? "http://localhost:5080";
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--url")).ToArray();
        // The same configuration and content root as the API itself, so the same data folder and token.
        var builder = WebApplication.CreateBuilder();
        var twilio = builder.Configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var token = twilio.IsConfigured
            ? twilio.AuthToken!
            : database.Provider == DatabaseProvider.Sqlite
                ? TwilioCredentials.ReadOrCreateDevToken(Path.GetFullPath(database.DataDirectory, builder.Environment.ContentRootPath))
                : null;
        if (token is null)
        {
            await Console.Error.WriteLineAsync("Without Twilio the simulator works only with the embedded database (its development token lives in the data folder).");
            return 2;
        }

        var signedBase = string.IsNullOrWhiteSpace(twilio.PublicBaseUrl) ? url.TrimEnd('/') : twilio.PublicBaseUrl.TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        switch (positional)
        {
            case ["simulate-call", var phone]:
                var callSid = "CA" + Guid.NewGuid().ToString("N");
                var from = Caller(phone);
                await PostAsync(http, token, signedBase, TelephonyUrls.VoiceIncoming, [new("CallSid", callSid), new("AccountSid", twilio.AccountSid ?? "ACsimulator"), new("From", from), new("Caller", from), new("To", twilio.FromNumber ?? "+8612345"), new("CallStatus", "ringing"), new("Direction", "inbound")]);
                await PostAsync(http, token, signedBase, TelephonyUrls.VoiceStatus, [new("CallSid", callSid), new("CallStatus", "in-progress"), new("SequenceNumber", "1")]);
                Console.WriteLine($"Call {callSid} from {from} is ringing the available agents. End it with: simulate-hangup {callSid}");
                return 0;
            case ["simulate-hangup", var sid]:
                await PostAsync(http, token, signedBase, TelephonyUrls.VoiceStatus, [new("CallSid", sid), new("CallStatus", "completed"), new("SequenceNumber", "99"), new("CallDuration", "60")]);
                return 0;
            case ["simulate-sms", var phone, .. var words] when words.Length > 0:
                await PostAsync(http, token, signedBase, TelephonyUrls.SmsIncoming, [new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", twilio.AccountSid ?? "ACsimulator"), new("From", Caller(phone)), new("To", twilio.FromNumber ?? "+8612345"), new("Body", string.Join(' ', words)), new("NumMedia", "0")]);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: simulate-call <phone> | simulate-hangup <CallSid> | simulate-sms <phone> <text>  [--url http://localhost:5080]");
                return 2;
        }
    }

    private static async Task PostAsync(HttpClient http, string token, string signedBase, string path, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(token, signedBase + path, form));
        using var response = await http.SendAsync(request);
        Console.WriteLine($"POST {path} → {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            Console.WriteLine(body);
        }

        response.EnsureSuccessStatusCode();
    }

    private static string Caller(string phone) => phone.StartsWith('+') ? phone : "+86" + phone.TrimStart('0').ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
