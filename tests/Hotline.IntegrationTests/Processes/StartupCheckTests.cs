using Hotline.Core;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.TestSupport;
using Npgsql;
using Shouldly;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// A misconfigured host, started as an operator would start it, refuses to start: exit code 78 and one
/// "Start refused: …" line that says what to set or run, instead of a stack trace or a 500 later.
/// </summary>
public sealed class StartupCheckTests
{
    private const string SigningKey = "startup-check-tests-signing-key-0123456789";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_Should_RefuseToStart_When_AServerDatabaseHasNoSigningKey()
    {
        SkipWithoutPostgres();

        var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Api", Postgres(NewDatabaseName()), Limit, Ct);

        ShouldBeRefused(exitCode, output, "Auth:SigningKey is required with a server database");
    }

    [Fact]
    public async Task Api_Should_RefuseToStart_When_AServerDatabaseHasNoConnectionString()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Api", new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Auth:SigningKey"] = SigningKey,
        }, Limit, Ct);

        ShouldBeRefused(exitCode, output, "ConnectionStrings:Hotline is not set: Database:Provider=PostgreSql needs the server's connection string");
    }

    [Fact]
    public async Task Worker_Should_RefuseToStart_When_AServerDatabaseHasNoConnectionString()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Worker", new Dictionary<string, string> { ["Database:Provider"] = "PostgreSql" }, Limit, Ct);

        ShouldBeRefused(exitCode, output, "ConnectionStrings:Hotline is not set");
    }

    [Fact]
    public async Task Api_Should_RefuseToStart_When_TheServerDatabaseIsNotMigrated()
    {
        SkipWithoutPostgres();
        var database = NewDatabaseName();
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        try
        {
            var settings = Postgres(database);
            settings["Auth:SigningKey"] = SigningKey;

            var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Api", settings, Limit, Ct);

            ShouldBeRefused(exitCode, output, "The PostgreSql database is not migrated:");
            output.ShouldContain("Database:MigrateOnStart=true");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Api_Should_RefuseToStart_When_TwilioIsHalfConfigured()
    {
        using var data = new TempDataDirectory();

        var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Api", new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data.Path,
            ["Twilio:AccountSid"] = "ACtest0123456789abcdef0123456789ab",
        }, Limit, Ct);

        ShouldBeRefused(exitCode, output, "Twilio:AccountSid and Twilio:AuthToken must be set together.");
    }

    [Fact]
    public async Task Api_Should_RefuseToStart_When_RedisIsConfiguredButDoesNotAnswer()
    {
        using var data = new TempDataDirectory();
        var port = HostProcess.FreePort();

        var (exitCode, output) = await HostProcess.RunToExitAsync("Hotline.Api", new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data.Path,
            ["Redis:Configuration"] = $"127.0.0.1:{port},password=not-in-the-log",
        }, Limit, Ct);

        ShouldBeRefused(exitCode, output, $"Redis:Configuration is set (127.0.0.1:{port}) but Redis did not answer at start");
        output.ShouldNotContain("not-in-the-log");
    }

    private static void ShouldBeRefused(int exitCode, string output, string line)
    {
        exitCode.ShouldBe(StartupChecks.ExitCode, output);
        output.Split('\n').Where(l => l.Contains("Start refused: ", StringComparison.Ordinal)).ShouldHaveSingleItem(output).ShouldContain(line);
        output.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
    }

    private static Dictionary<string, string> Postgres(string database) => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Hotline"] = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable)) { Database = database }.ConnectionString,
    };

    private static string NewDatabaseName() => $"hotline_test_{Guid.NewGuid():N}";

    private static void SkipWithoutPostgres()
    {
        if (!ApiFixture.PostgresConfigured)
        {
            Assert.Skip($"{HotlineApiFactory.PostgresVariable} not set");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable)) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
