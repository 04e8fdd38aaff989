using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts.CompactKpiCounts;
using MediatR;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis.Counts.RebuildKpiCounts;

/// <summary>
/// Recomputes every <see cref="KpiCount"/> from the orders themselves: after an upgrade that brought the counts,
/// after a bulk import that bypassed the application, or to check the incremental counts. Idempotent. Writers
/// wait while it runs (the counts table is locked), so no change is counted twice or lost.
/// </summary>
public sealed record RebuildKpiCounts : IRequest<int>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.KpisRebuilt;
    public bool AuditCapturesChanges => false;
}

public sealed class RebuildKpiCountsHandler(HotlineDbContext db) : IRequestHandler<RebuildKpiCounts, int>
{
    private const int BatchSize = 100; // 1,700 parameters: under every provider's limit

    private const int Columns = 20;

    public async Task<int> Handle(RebuildKpiCounts request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken);
        await db.Set<KpiCount>().ExecuteDeleteAsync(cancellationToken);

        var sums = new Dictionary<(DateOnly, KpiDimension, string), KpiCount>();
        var orders = db.Tickets.AsNoTracking().Select(KpiSnapshot.Projection);
        await foreach (var order in orders.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var row in KpiContribution.Of(order.Snapshot))
            {
                var key = (row.Day, row.Dimension, row.Key);
                if (!sums.TryGetValue(key, out var sum))
                {
                    sums[key] = row;
                }
                else
                {
                    sum.Add(row, 1);
                }
            }
        }

        // Plain INSERTs: a rebuild writes hundreds of thousands of rows, which the change tracker would slow down.
        // SQLite runs one prepared single-row statement (no round trips); server databases take multi-row batches.
        var rows = sums.Values.Where(r => !r.IsZero).ToList();
        var connection = db.Database.GetDbConnection();
        var perCommand = db.Database.IsSqlite() ? 1 : BatchSize;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        foreach (var batch in rows.Chunk(perCommand))
        {
            if (batch.Length != command.Parameters.Count / Columns || command.CommandText.Length == 0)
            {
                Prepare(command, batch.Length);
            }

            for (var r = 0; r < batch.Length; r++)
            {
                var row = batch[r];
                object[] cells = [row.Day, row.Dimension.ToString(), row.Key, row.Registered, row.HotSpot, row.Dispatched, row.RespondedOnTime, row.ResponseLate, row.Replied,
                    row.RepliedOnTime, row.ReplyLate, row.OverdueOpen, row.Satisfied, row.BasicallySatisfied, row.Dissatisfied, row.Unreachable, row.Solved,
                    row.ResponseExempted, row.ReplyExempted, row.CallbackExempted];
                for (var i = 0; i < Columns; i++)
                {
                    command.Parameters[(r * Columns) + i].Value = cells[i];
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static void Prepare(System.Data.Common.DbCommand command, int rowCount)
    {
        command.Parameters.Clear();
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var names = new string[Columns];
            for (var i = 0; i < Columns; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i] = $"@p{(r * Columns) + i}";
                command.Parameters.Add(parameter);
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        command.CommandText = $"INSERT INTO \"KpiCounts\" (\"Day\", \"Dimension\", \"Key\", {CompactKpiCountsHandler.Counters}) VALUES {string.Join(", ", values)}";
    }

    private async Task LockAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "KpiCounts" IN EXCLUSIVE MODE""", ct);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT TOP 0 * FROM [KpiCounts] WITH (TABLOCKX, HOLDLOCK)", ct);
        }

        // SQLite: the DELETE that follows takes the database's single write lock until the commit.
    }
}
