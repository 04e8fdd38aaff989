using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Hotline.IntegrationTests.Data;

/// <summary>The embedded database's connections: a second writer waits inside SQLite (busy_timeout) instead of failing at once.</summary>
public sealed class SqliteConnectionTests
{
    [Fact]
    public async Task Open_Should_SetTheBusyTimeoutToTheCommandTimeout_When_TheContextOpensASqliteConnection()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hotline-busy-{Guid.NewGuid():N}.db");
        try
        {
            var options = DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=7;Pooling=False");
            await using var db = new HotlineDbContext(options);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

            var timeout = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync(TestContext.Current.CancellationToken);

            timeout.ShouldBe([7000L]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
