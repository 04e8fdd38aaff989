using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Data;

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

/// <summary>Section <c>Database</c>; the connection string comes from <c>ConnectionStrings:Hotline</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded SQLite file lives when no connection string is given (relative to the content root).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply migrations at start. Default: on for SQLite; off for server databases, which DBAs migrate with the db/ scripts.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;

    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "Hotline.Db.PostgreSql",
        DatabaseProvider.SqlServer => "Hotline.Db.SqlServer",
        _ => "Hotline.Db.Sqlite",
    };
}
