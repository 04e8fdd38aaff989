using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>One started API per test class and provider; signs in the demo accounts once and hands out bearer clients.</summary>
public abstract class ApiFixture(DatabaseProvider provider, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string DemoPassword = "Demo#12345";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private HotlineApiFactory? _factory;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>The started API; skips the calling test when PostgreSQL is wanted and not configured.</summary>
    public HotlineApiFactory Factory
    {
        get
        {
            if (_factory is null)
            {
                Assert.Skip($"{HotlineApiFactory.PostgresVariable} not set");
            }

            return _factory;
        }
    }

    public static bool PostgresConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable));

    public virtual ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && !PostgresConfigured)
        {
            return ValueTask.CompletedTask;
        }

        _factory = new HotlineApiFactory(Provider, clock, Settings() ?? settings);
        if (OnKestrel)
        {
            // A real listener on 127.0.0.1, for other processes (a peer hotline) to call over HTTP.
            _factory.UseKestrel(0);
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server; // start now: migrations and the demo city are ready before the first test
        }

        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Whether the API listens on a loopback port (Kestrel) rather than the in-memory test server.</summary>
    protected virtual bool OnKestrel => false;

    /// <summary>Extra configuration of the API, read when it starts (after the fixture's own fields are set).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;

    public HttpClient AnonymousClient() => Factory.CreateClient();

    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var factory = Factory;
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = factory.CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, DemoPassword), Json.Options);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
            token = _tokens.GetOrAdd(userName, body!.AccessToken);
        }

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class SqliteApiFixture() : ApiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApiFixture() : ApiFixture(DatabaseProvider.PostgreSql);
