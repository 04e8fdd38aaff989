using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;
using Npgsql;

namespace Hotline.Core.Data;

/// <summary>Whether an exception, or one it wraps, says the database was briefly unreachable or busy (worth another try).</summary>
public static class TransientFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
#pragma warning disable EF1001 // The detector is EF's own list of SQL Server's transient error numbers.
                case SqlException sql when SqlServerTransientExceptionDetector.ShouldRetryOn(sql):
#pragma warning restore EF1001
                    return true;
            }
        }

        return false;
    }
}
