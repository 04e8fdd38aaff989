using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Core.Data;

/// <summary>
/// SQLite lets one writer in at a time. Without a busy timeout a second writer gets <c>SQLITE_BUSY</c> at once and
/// Microsoft.Data.Sqlite retries it after a fixed pause, which made the embedded database's registrations wait
/// up to a second at the 99th percentile under 8–32 concurrent agents (docs/performance.md). With
/// <c>PRAGMA busy_timeout</c> SQLite itself waits for the lock in short, growing steps and goes on as soon as it
/// is free. The timeout is the connection's command timeout, so nothing waits longer than it did before.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Math.Max(1, sqlite.DefaultTimeout) * 1000};";
        command.ExecuteNonQuery();
    }
}
