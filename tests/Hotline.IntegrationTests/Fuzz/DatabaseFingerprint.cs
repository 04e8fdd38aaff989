using System.Data.Common;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>
/// A cheap fingerprint of the whole database in one query: the row count of every table of the model, and the sum of
/// every <c>Version</c> and the latest <c>UpdatedAt</c> where a table has them. Equal before and after a request means
/// the request inserted, deleted and versioned nothing. Two tables are left out: the failed sign-ins (a wrong password is
/// meant to be counted there even though it answers 401) and the knowledge search log, which the knowledge activity
/// queue writes in the background after earlier successful searches, so its rows land during unrelated requests. Of the
/// audit trail only the sign-in entries are left out (a wrong password is meant to be recorded); any other entry after
/// a refused request would be a refused change recorded as done. The chain's head moves whenever the sealer job runs.
/// </summary>
internal sealed class DatabaseFingerprint
{
    private static readonly string[] Excluded = ["SignInFailures", "KnowledgeSearches", "AuditChainHead"];

    private readonly IServiceProvider _services;
    private readonly string _sql;
    private readonly IReadOnlyList<string> _labels;

    public DatabaseFingerprint(IServiceProvider services)
    {
        _services = services;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var parts = new List<(string Label, string Sql)>();
        foreach (var table in db.Model.GetRelationalModel().Tables.Where(t => !Excluded.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = Quote(table.Name, table.Schema);
            var where = table.Name == "AuditEntries" ? " WHERE \"Action\" NOT LIKE 'auth.%'" : string.Empty;
            parts.Add(($"{table.Name}.count", $"(SELECT COUNT(*) FROM {name}{where})"));
            if (table.FindColumn("Version") is not null)
            {
                parts.Add(($"{table.Name}.version", $"(SELECT COALESCE(SUM(\"Version\"), 0) FROM {name})"));
            }

            if (table.FindColumn("UpdatedAt") is not null)
            {
                parts.Add(($"{table.Name}.updatedAt", $"(SELECT COALESCE(CAST(MAX(\"UpdatedAt\") AS TEXT), '-') FROM {name})"));
            }
        }

        _labels = parts.Select(p => p.Label).ToList();
        _sql = "SELECT " + string.Join(" || '|' || ", parts.Select(p => $"CAST({p.Sql} AS TEXT)"));
    }

    public async Task<string> TakeAsync(CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Which parts differ, e.g. "Tickets.count 40 → 41".</summary>
    public string Difference(string before, string after)
    {
        var a = before.Split('|');
        var b = after.Split('|');
        return string.Join(", ", _labels.Select((label, i) => (label, i)).Where(x => a[x.i] != b[x.i]).Select(x => $"{x.label} {a[x.i]} → {b[x.i]}"));
    }

    private static string Quote(string table, string? schema) => schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
}
