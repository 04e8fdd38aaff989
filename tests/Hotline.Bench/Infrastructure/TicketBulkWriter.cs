using System.Data.Common;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Hotline.Bench.Infrastructure;

/// <summary>
/// Writes <see cref="Ticket"/> rows (the Tickets table only: no timeline, participants or change log) as fast as the
/// database takes them: PostgreSQL binary COPY, SQLite one prepared INSERT in large transactions. The columns,
/// their names and their stored values come from the EF model, so a new column is written without touching this.
/// </summary>
public sealed class TicketBulkWriter
{
    private readonly List<(string Column, Func<Ticket, object?> Read, string StoreType)> _columns = [];
    private readonly BenchDatabase _database;

    public TicketBulkWriter(BenchDatabase database)
    {
        _database = database;
        using var db = database.NewContext();
        var entity = db.Model.FindEntityType(typeof(Ticket))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        foreach (var property in entity.GetProperties())
        {
            _columns.Add((property.GetColumnName(table)!, Reader(property), property.GetRelationalTypeMapping().StoreType));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                _columns.Add((property.GetColumnName(table)!, Reader(property), property.GetRelationalTypeMapping().StoreType));
            }
        }

        // Owned values stored in the same row (the clocks, the pending extension): their columns except the shared key.
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == entity.GetTableName()))
        {
            var owner = navigation.GetGetter();
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var read = Reader(property);
                _columns.Add((property.GetColumnName(table)!, ticket => owner.GetClrValueUsingContainingEntity(ticket) is { } owned ? read(owned) : null, property.GetRelationalTypeMapping().StoreType));
            }
        }
    }

    public async Task WriteAsync(IEnumerable<Ticket> tickets, CancellationToken ct)
    {
        if (_database.Provider == DatabaseProvider.PostgreSql)
        {
            await CopyAsync(tickets, ct);
        }
        else
        {
            await InsertAsync(tickets, ct);
        }
    }

    private async Task CopyAsync(IEnumerable<Ticket> tickets, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(ct);
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"Tickets\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var types = _columns.Select(c => c.StoreType.Split('(')[0]).ToArray();
        foreach (var ticket in tickets)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < _columns.Count; i++)
            {
                var value = _columns[i].Read(ticket);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, types[i], ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private async Task InsertAsync(IEnumerable<Ticket> tickets, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"Tickets\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", _columns.Select((_, i) => "$p" + i))})";
        var parameters = _columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        DbTransaction? transaction = null;
        var inTransaction = 0;
        foreach (var ticket in tickets)
        {
            if (transaction is null)
            {
                transaction = (DbTransaction)await connection.BeginTransactionAsync(ct);
                command.Transaction = (SqliteTransaction)transaction;
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = _columns[i].Read(ticket) switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(), // EF's SQLite mapping stores a Guid as upper-case text
                    var v => v,
                };
            }

            await command.ExecuteNonQueryAsync(ct);
            if (++inTransaction == 50_000)
            {
                await transaction.CommitAsync(ct);
                await transaction.DisposeAsync();
                transaction = null;
                inTransaction = 0;
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>The stored value of a property: its CLR value through the property's converter (enums as text, instants as sortable longs on SQLite).</summary>
    private static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return entity =>
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        };
    }
}
