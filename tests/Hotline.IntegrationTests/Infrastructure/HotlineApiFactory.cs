using Hotline.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>
/// The API on a database of its own: a fresh SQLite folder, or a fresh PostgreSQL database that is dropped on dispose.
/// Both are seeded with the demo city, so the demo accounts and the catalogue are there.
/// </summary>
public sealed class HotlineApiFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "HOTLINE_TEST_POSTGRES";

    private readonly string? _dataDirectory;
    private readonly string? _postgresConnectionString;
    private readonly string? _postgresDatabase;

    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase = true;

    /// <param name="settings">Extra configuration for the API under test.</param>
    /// <param name="postgres">Adjusts the PostgreSQL connection the API uses (e.g. through a <see cref="TcpProxy"/>).</param>
    public HotlineApiFactory(DatabaseProvider provider, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, Action<NpgsqlConnectionStringBuilder>? postgres = null)
    {
        Provider = provider;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            _postgresDatabase = $"hotline_test_{Guid.NewGuid():N}";
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase };
            postgres?.Invoke(builder);
            _postgresConnectionString = builder.ConnectionString;
        }
        else
        {
            _dataDirectory = Path.Combine(Path.GetTempPath(), "hotline-it-" + Guid.NewGuid().ToString("N"));
        }
    }

    /// <summary>A second API node on the database of <paramref name="node"/> (which keeps owning it and drops it on dispose).</summary>
    public HotlineApiFactory(HotlineApiFactory node, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = node.Provider;
        _clock = node._clock;
        _settings = settings ?? node._settings;
        _dataDirectory = node._dataDirectory;
        _postgresConnectionString = node._postgresConnectionString;
        _postgresDatabase = node._postgresDatabase;
        _ownsDatabase = false;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string the API uses on PostgreSQL; null on SQLite.</summary>
    public string? PostgresConnectionString => _postgresConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Demo:Seed", "true");
        // The knowledge tests import their own bases and measure ranking on them; the demo's answers would compete.
        builder.UseSetting("Demo:Knowledge", "false");

        // Tests call jobs directly; a background job server per factory would only add noise.
        builder.UseSetting("Jobs:RunServerInProcess", "false");

        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }

        if (Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Hotline", _postgresConnectionString);
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("Auth:SigningKey", "integration-tests-signing-key-0123456789abcdef");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", _dataDirectory);
        }

        // Last, so a test's own settings win over the defaults above.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the next run uses a new one.
            }
        }
    }
}
