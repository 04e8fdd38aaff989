using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Shouldly;

namespace Hotline.IntegrationTests.Data;

/// <summary>
/// The WeeklyHotSpotCounts migration moves the daily hot-spot counts of an existing database to their week's Monday,
/// with each provider's own date arithmetic, and leaves every other count where it was.
/// </summary>
public sealed class WeeklyHotSpotMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DailyHotSpotRows_Should_MoveToTheirWeeksMonday_When_TheDatabaseIsUpgraded(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (connectionString, drop) = await DatabaseAsync(provider);
        try
        {
            await using var db = new HotlineDbContext(DbContextOptionsFactory.Create(provider, connectionString));
            var migrations = db.Database.GetMigrations().ToList();
            var weekly = migrations.FindIndex(m => m.EndsWith("_WeeklyHotSpotCounts", StringComparison.Ordinal));
            weekly.ShouldBeGreaterThan(0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[weekly - 1], cancellationToken: ct);

            // 2026-11-30 is a Monday, 2026-12-06 the Sunday of the same week, 2026-12-07 the next Monday.
            db.Set<KpiCount>().AddRange(
                Count(new DateOnly(2026, 11, 30), KpiDimension.StreetCategory, 2),
                Count(new DateOnly(2026, 12, 3), KpiDimension.StreetCategory, 3),
                Count(new DateOnly(2026, 12, 6), KpiDimension.StreetCategory, 4),
                Count(new DateOnly(2026, 12, 7), KpiDimension.StreetCategory, 5),
                Count(new DateOnly(2026, 12, 3), KpiDimension.Category, 0, registered: 7));
            await db.SaveChangesAsync(ct);

            await migrator.MigrateAsync(cancellationToken: ct);

            var rows = await db.Set<KpiCount>().AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Day, c.Dimension, c.HotSpot, c.Registered }).ToListAsync(ct);
            rows.Select(r => (r.Day, r.Dimension, r.HotSpot, r.Registered)).ShouldBe(
            [
                (new DateOnly(2026, 11, 30), KpiDimension.StreetCategory, 2, 0),
                (new DateOnly(2026, 11, 30), KpiDimension.StreetCategory, 3, 0),
                (new DateOnly(2026, 11, 30), KpiDimension.StreetCategory, 4, 0),
                (new DateOnly(2026, 12, 7), KpiDimension.StreetCategory, 5, 0),
                (new DateOnly(2026, 12, 3), KpiDimension.Category, 0, 7),
            ]);
        }
        finally
        {
            await drop();
        }
    }

    private static KpiCount Count(DateOnly day, KpiDimension dimension, int hotSpot, int registered = 0) =>
        new() { Day = day, Dimension = dimension, Key = dimension == KpiDimension.StreetCategory ? "dc|dc-dhm|sw-ts" : "sw-ts", HotSpot = hotSpot, Registered = registered };

    private static async Task<(string ConnectionString, Func<Task> Drop)> DatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"hotline-migration-{Guid.NewGuid():N}.db");
            return ($"Data Source={file};Pooling=false", () =>
            {
                File.Delete(file);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable)
            ?? throw new InvalidOperationException($"{HotlineApiFactory.PostgresVariable} is not set.");
        var name = $"hotline_migration_{Guid.NewGuid():N}";
        return (new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString, async () =>
        {
            var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        });
    }
}
