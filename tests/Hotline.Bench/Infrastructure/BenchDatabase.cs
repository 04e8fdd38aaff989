using Hotline.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Bench.Infrastructure;

/// <summary>A fresh, migrated database for one run: a SQLite file in a temp folder or a new PostgreSQL database; dropped afterwards unless --keep.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _pgDatabase;
    private readonly string? _pgServer;
    private readonly bool _keep;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? folder, string? pgServer, string? pgDatabase, bool keep)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _pgServer = pgServer;
        _pgDatabase = pgDatabase;
        _keep = keep;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where the data lives, for the report.</summary>
    public string Location => _folder ?? _pgDatabase ?? string.Empty;

    public static async Task<BenchDatabase> CreateAsync(BenchArgs args, CancellationToken ct)
    {
        BenchDatabase database;
        if (args.Provider == DatabaseProvider.PostgreSql)
        {
            var name = $"hotline_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
            var server = new NpgsqlConnectionStringBuilder(args.PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync(ct);
            }

            var connection = new NpgsqlConnectionStringBuilder(args.PostgresServer) { Database = name, CommandTimeout = 600 }.ConnectionString;
            database = new BenchDatabase(DatabaseProvider.PostgreSql, connection, null, server, name, args.Keep);
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("hotline-bench-").FullName;
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "hotline.db"), Pooling = true }.ConnectionString;
            database = new BenchDatabase(DatabaseProvider.Sqlite, connection, folder, null, null, args.Keep);
        }

        await using var db = database.NewContext();
        await db.Database.MigrateAsync(ct);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        return database;
    }

    public HotlineDbContext NewContext() => new(DbContextOptionsFactory.Create(Provider, ConnectionString));

    /// <summary>Fresh planner statistics after a bulk load (ANALYZE), as a DBA would run after an import.</summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var db = NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.Sqlite ? "ANALYZE;" : "VACUUM ANALYZE;", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            Console.Error.WriteLine($"kept: {ConnectionString}");
            return;
        }

        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_pgServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
