using System.Text.RegularExpressions;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hotline.Simulator;

/// <summary>
/// Rings the local hotline and plays the citizen's phone the way Twilio would, with correctly signed webhooks:
/// <code>
/// dotnet run --project tools/Hotline.Simulator -- simulate-call 13800000000      # rings the agents, prints the CallSid
/// dotnet run --project tools/Hotline.Simulator -- simulate-wait CA…              # the position and expected wait again
/// dotnet run --project tools/Hotline.Simulator -- simulate-hangup CA…            # ends that call
/// dotnet run --project tools/Hotline.Simulator -- simulate-inbox 13800000000     # what the local line sent to that phone
/// dotnet run --project tools/Hotline.Simulator -- simulate-sms 13800000000 11    # the citizen answers an SMS survey
/// dotnet run --project tools/Hotline.Simulator -- simulate-keypad CA… 11         # the citizen answers the survey call's keypad
/// dotnet run --project tools/Hotline.Simulator -- simulate-keypad CA…            # … or does not answer it
/// </code>
/// It reads the API's configuration (<c>Hotline.Api/appsettings.json</c> and the same environment variables) and
/// signs with the configured Twilio auth token, or (embedded database without Twilio) with the development token
/// in the API's data folder, which the API reads from the same place. It never weakens the API: a webhook the
/// simulator could not sign is refused like any other, and the local line's messages are read from the same data
/// folder, not through any route. Options: <c>--url</c> (default http://localhost:5080) is where the API runs,
/// <c>--api-dir</c> (default the <c>Hotline.Api</c> folder of the checkout it runs in) where its configuration is.
/// A tool, not part of the product: the API host does not contain it.
/// </summary>
public static partial class TelephonySimulator
{
    public const string DefaultUrl = "http://localhost:5080";

    public const string Usage = """
        Usage: dotnet run --project tools/Hotline.Simulator -- <command> [--url <api>] [--api-dir <Hotline.Api folder>]
        (the API running at --url, default http://localhost:5080):
          simulate-call <phone> [called]      a citizen calls the hotline (rings the agents set to 空闲) and hears the
                                              position in the queue; [called]: the number dialled (a seat group's, Calls:SeatGroups)
          simulate-wait <CallSid>             the waiting caller hears the position and expected wait again
          simulate-hangup <CallSid>           that caller hangs up
          simulate-sms <phone> <text>         an SMS to the hotline, e.g. the survey answer 11
          simulate-inbox <phone>              the survey SMS and calls the local line sent to that phone
          simulate-keypad <CallSid> [keys]    answers a local-line survey call with keys (e.g. 11); no keys: not answered
        """;

    /// <summary>Reads the command line; a null command comes with the reason.</summary>
    public static (SimulatorCommand? Command, string? Error) Parse(string[] args)
    {
        var url = DefaultUrl;
        string? apiDirectory = null;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--api-dir")
            {
                if (i + 1 >= args.Length || !Directory.Exists(args[i + 1]))
                {
                    return (null, "--api-dir needs the folder of Hotline.Api (where its appsettings.json and data folder are)");
                }

                apiDirectory = Path.GetFullPath(args[++i]);
            }
            else if (args[i] == "--url")
            {
                if (i + 1 >= args.Length || !Uri.TryCreate(args[i + 1], UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                {
                    return (null, "--url needs the API's absolute http(s) address, e.g. --url http://localhost:5080");
                }

                url = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"Unknown option {args[i]}.");
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var baseUrl = new Uri(url.TrimEnd('/') + "/");
        return positional.ToArray() switch
        {
            ["simulate-call" or "simulate-inbox", var phone] when PhoneNumbers.Normalize(phone) is null => (null, $"Not a phone number: {phone}"),
            ["simulate-sms", var phone, ..] when PhoneNumbers.Normalize(phone) is null => (null, $"Not a phone number: {phone}"),
            ["simulate-call", _, var called] when PhoneNumbers.Normalize(called) is null => (null, $"Not a phone number: {called}"),
            ["simulate-call", var phone, var called] => (new SimulatorCommand("simulate-call", phone, called, baseUrl, apiDirectory), null),
            ["simulate-call" or "simulate-inbox" or "simulate-hangup", var target] => (new SimulatorCommand(positional[0], target, null, baseUrl, apiDirectory), null),
            ["simulate-wait", var sid] when !CallSid().IsMatch(sid) => (null, $"Not a call sid (CA + 32 hex, as simulate-call prints it): {sid}"),
            ["simulate-wait", var sid] => (new SimulatorCommand("simulate-wait", sid, null, baseUrl, apiDirectory), null),
            ["simulate-sms", var phone, .. var words] when words.Length > 0 => (new SimulatorCommand("simulate-sms", phone, string.Join(' ', words), baseUrl, apiDirectory), null),
            ["simulate-keypad", var sid, ..] when !CallSid().IsMatch(sid) => (null, $"Not a call sid (CA + 32 hex, as simulate-inbox prints it): {sid}"),
            ["simulate-keypad", var sid] => (new SimulatorCommand("simulate-keypad", sid, string.Empty, baseUrl, apiDirectory), null),
            ["simulate-keypad", var sid, var keys] when Keys().IsMatch(keys) => (new SimulatorCommand("simulate-keypad", sid, keys, baseUrl, apiDirectory), null),
            ["simulate-keypad", _, var keys] => (null, $"Keys are the phone's keypad, 0-9 * # (e.g. 11): {keys}"),
            _ => (null, null),
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var (command, error) = Parse(args);
        if (command is null)
        {
            await Console.Error.WriteLineAsync(error is null ? Usage : error + Environment.NewLine + Usage);
            return 2;
        }

        // The same configuration and content root as the API itself, so the same data folder and token.
        var apiDirectory = command.ApiDirectory ?? FindApiDirectory();
        if (apiDirectory is null)
        {
            await Console.Error.WriteLineAsync("The Hotline.Api folder was not found above the current folder; name it with --api-dir.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = apiDirectory, Args = [] });
        var twilio = builder.Configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var localLine = !twilio.IsConfigured && database.Provider == DatabaseProvider.Sqlite;
        var token = twilio.IsConfigured
            ? twilio.AuthToken!
            : localLine
                ? TwilioCredentials.ReadOrCreateDevToken(Path.GetFullPath(database.DataDirectory, builder.Environment.ContentRootPath))
                : null;
        if (token is null)
        {
            await Console.Error.WriteLineAsync("Without Twilio the simulator works only with the embedded database (its development token lives in the data folder).");
            return 2;
        }

        Func<HotlineDbContext>? openDatabase = null;
        if (localLine)
        {
            // Read-write without create: a data folder the API never started in is reported, not filled with an empty file.
            var connectionString = new SqliteConnectionStringBuilder(Hotline.Core.DependencyInjection.ResolveConnectionString(builder.Configuration, database, builder.Environment))
            {
                Mode = SqliteOpenMode.ReadWrite,
            }.ToString();
            var options = DbContextOptionsFactory.Create(database.Provider, connectionString);
            openDatabase = () => new HotlineDbContext(options);
        }

        var signedBase = string.IsNullOrWhiteSpace(twilio.PublicBaseUrl) ? command.Url.ToString().TrimEnd('/') : twilio.PublicBaseUrl.TrimEnd('/');
        using var http = new HttpClient { BaseAddress = command.Url };
        try
        {
            return await new PhoneSimulator(http, token, signedBase, twilio, openDatabase, Console.Out).RunAsync(command, CancellationToken.None);
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"The API at {command.Url} did not answer as expected ({ex.Message}). Is it running (dotnet run --project Hotline.Api)?");
            return 1;
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"The embedded database could not be read ({ex.Message}). Start the API once (dotnet run --project Hotline.Api) with the same Database:DataDirectory, or name its folder with --api-dir.");
            return 1;
        }
    }

    /// <summary>The <c>Hotline.Api</c> folder of the checkout the simulator runs in: beside the nearest <c>Hotline.sln</c> above the current folder.</summary>
    private static string? FindApiDirectory()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Hotline.sln")) && Directory.Exists(Path.Combine(folder.FullName, "Hotline.Api")))
            {
                return Path.Combine(folder.FullName, "Hotline.Api");
            }
        }

        return null;
    }

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial Regex CallSid();

    [GeneratedRegex("^[0-9*#]{1,20}$")]
    private static partial Regex Keys();
}
