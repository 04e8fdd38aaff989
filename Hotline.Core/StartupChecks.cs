using System.Data.Common;
using Hotline.Core.Data;
using Hotline.Core.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Hotline.Core;

/// <summary>
/// What a host checks before it takes a request (docs/operations.md, "Start-up checks"): the options validate,
/// a server database has its connection string, the host's own settings hold (the API's signing key), Redis
/// answers when it is configured, and the schema is migrated when the host does not migrate it itself. Each
/// problem is one Critical log line; a host with any problem exits with <see cref="ExitCode"/> instead of
/// starting and answering 500, or crashing on the first query with a stack trace.
/// </summary>
public static partial class StartupChecks
{
    /// <summary>EX_CONFIG from sysexits.h: the configuration is wrong.</summary>
    public const int ExitCode = 78;

    private static readonly TimeSpan RedisWait = TimeSpan.FromSeconds(5);

    /// <param name="hostChecks">The host's own checks: each returns nothing, or throws <see cref="OptionsValidationException"/>.</param>
    public static async Task<bool> PassAsync(IServiceProvider services, CancellationToken ct, params Action<IServiceProvider>[] hostChecks)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hotline.Startup");
        var problems = await FindAsync(services, hostChecks, ct);
        foreach (var problem in problems)
        {
            LogRefused(logger, problem);
        }

        return problems.Count == 0;
    }

    private static async Task<List<string>> FindAsync(IServiceProvider services, Action<IServiceProvider>[] hostChecks, CancellationToken ct)
    {
        var problems = Options(() => services.GetService<IStartupValidator>()?.Validate());
        if (problems.Count > 0)
        {
            return problems;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = configuration.GetConnectionString("Hotline");
        if (database.Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add($"ConnectionStrings:Hotline is not set: Database:Provider={database.Provider} needs the server's connection string (environment variable ConnectionStrings__Hotline).");
        }

        foreach (var check in hostChecks)
        {
            problems.AddRange(Options(() => check(services)));
        }

        if (services.GetService<RedisBackplaneConnection>() is { } redis && await RedisProblemAsync(redis, configuration["Redis:Configuration"]!, ct) is { } redisProblem)
        {
            problems.Add(redisProblem);
        }

        if (problems.Count == 0 && !database.ShouldMigrateOnStart && await SchemaProblemAsync(services, database.Provider, ct) is { } schemaProblem)
        {
            problems.Add(schemaProblem);
        }

        return problems;
    }

    private static List<string> Options(Action validate)
    {
        try
        {
            validate();
            return [];
        }
        catch (OptionsValidationException invalid)
        {
            return invalid.Failures.ToList();
        }
        catch (AggregateException many) when (many.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        }
    }

    /// <summary>
    /// At start an unreachable Redis is most often a wrong address, and a node that starts without it never pushes
    /// to consoles on other nodes; an outage after the start is ridden out (docs/decisions/0005).
    /// </summary>
    private static async Task<string?> RedisProblemAsync(RedisBackplaneConnection connection, string configuration, CancellationToken ct)
    {
        var endpoints = string.Join(", ", ConfigurationOptions.Parse(configuration).EndPoints.Select(e => e.ToString()));
        try
        {
            var redis = await connection.GetAsync().WaitAsync(RedisWait, ct);
            await redis.GetDatabase().PingAsync().WaitAsync(RedisWait, ct);
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return $"Redis:Configuration is set ({endpoints}) but Redis did not answer at start ({FirstLine(ex.Message)}): start Redis or correct Redis:Configuration.";
        }
    }

    private static async Task<string?> SchemaProblemAsync(IServiceProvider services, DatabaseProvider provider, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? null
                : $"The {provider} database is not migrated: {pending.Count} migration(s) pending, the latest {pending[^1]}. Apply them first (docs/operations.md, \"Deploying a release\"), or set Database:MigrateOnStart=true on a single node.";
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return $"The {provider} database could not be reached at start ({FirstLine(ex.Message)}): check ConnectionStrings:Hotline and that the server is up.";
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
