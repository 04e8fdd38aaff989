using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Json;
using Hotline.TestSupport;

namespace Hotline.Bench.Infrastructure;

/// <summary>
/// The real Hotline.Api process (its Release build, Kestrel on a loopback port, Production settings, warnings-only
/// logging) on the benchmark's database, seeded with the demo city so the demo accounts can sign in. No job server:
/// nothing but the requests under test runs in it.
/// </summary>
public sealed class ApiUnderTest : IAsyncDisposable
{
    public const string Password = "Demo#12345";

    private readonly HostProcess _process;

    private ApiUnderTest(HostProcess process) => _process = process;

    public Uri BaseAddress => _process.BaseAddress;

    public double? PeakMemoryMiB => _process.PeakMemoryMiB;

    /// <summary>The API process's CPU time so far: a measure's cost per request, whatever else runs on the machine.</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    /// <summary>The API's last lines of output (warnings and errors), for a failure's report.</summary>
    public string Output => _process.Output;

    public static System.Text.Json.JsonSerializerOptions Json { get; } = CreateJson();

    public static async Task<ApiUnderTest> StartAsync(BenchDatabase database, CancellationToken ct, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Demo:Seed"] = "true",
            ["Demo:Knowledge"] = "false",
            ["Database:MigrateOnStart"] = "false",
            ["Jobs:RunServerInProcess"] = "false",
            ["Auth:SigningKey"] = "benchmark-signing-key-0123456789abcdefghij",
        };
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            settings["Database:Provider"] = "PostgreSql";
            // PostgreSQL's default max_connections is 100: the API's pool is capped so the ceiling's own
            // connections (up to 64) fit beside it, as a DBA would size pools for a server.
            settings["ConnectionStrings:Hotline"] = database.ConnectionString + ";Maximum Pool Size=30";
        }
        else
        {
            settings["Database:DataDirectory"] = database.Location;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new ApiUnderTest(await HostProcess.StartAsync("Hotline.Api", settings, ct));
    }

    /// <summary>A client for many concurrent requests, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, ct));
        return client;
    }

    public async Task<string> TokenAsync(string userName, CancellationToken ct)
    {
        using var anonymous = new HttpClient { BaseAddress = BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, Password), Json, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json, ct))!.AccessToken;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static System.Text.Json.JsonSerializerOptions CreateJson()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        HotlineJson.Configure(options);
        return options;
    }
}
