using Hotline.Core.Data;
using Hotline.Core.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>
/// Recomputes every <see cref="KpiCount"/> from the orders themselves: after an upgrade that brought the counts,
/// after a bulk import that bypassed the application, or to check the incremental counts. Idempotent. Writers
/// wait while it runs (the counts table is locked), so no change is counted twice or lost.
/// </summary>
public sealed record RebuildKpiCounts : IRequest<int>;

/// <summary>
/// Folds the rows of each day and key into one (sums are unchanged), for the days since <see cref="Since"/>
/// (default: the last 62 China days). Safe to run at any time and in parallel with writers: it folds only rows
/// that existed when it started.
/// </summary>
public sealed record CompactKpiCounts(DateOnly? Since = null) : IRequest<int>;

public sealed class RebuildKpiCountsHandler(HotlineDbContext db) : IRequestHandler<RebuildKpiCounts, int>
{
    private const int BatchSize = 5000;

    public async Task<int> Handle(RebuildKpiCounts request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken);
        await db.Set<KpiCount>().ExecuteDeleteAsync(cancellationToken);

        var sums = new Dictionary<(DateOnly, KpiDimension, string), KpiCount>();
        var orders = db.Tickets.AsNoTracking().Select(t => new KpiSnapshot(
            t.Status, t.CloseReason, t.Channel, t.Type, t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode, t.CreatedDay,
            t.LeadUnitId, t.FirstDispatchedAt, t.AcceptDueAt, t.ContactDueAt, t.ReplyDueAt, t.AcceptedAt, t.ContactedAt, t.RepliedAt,
            t.ClosedAt, t.AlertsRaised, t.PriorResponseLate, t.PriorReplyLate, t.CallbackOutcome, t.CallbackSolved, t.CallbackAt));
        await foreach (var order in orders.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var row in KpiContribution.Of(order))
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

        foreach (var batch in sums.Values.Chunk(BatchSize))
        {
            db.Set<KpiCount>().AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return sums.Count;
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

public sealed class CompactKpiCountsHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<CompactKpiCounts, int>
{
    private const string Counters = "\"Registered\", \"HotSpot\", \"Dispatched\", \"RespondedOnTime\", \"ResponseLate\", \"Replied\", \"RepliedOnTime\", \"ReplyLate\", \"OverdueOpen\", \"Satisfied\", \"BasicallySatisfied\", \"Dissatisfied\", \"Unreachable\", \"Solved\"";

    public async Task<int> Handle(CompactKpiCounts request, CancellationToken cancellationToken)
    {
        var since = request.Since ?? ChinaTime.DateOf(time.GetUtcNow()).AddDays(-62);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var max = await db.Set<KpiCount>().MaxAsync(c => (long?)c.Id, cancellationToken);
        if (max is null)
        {
            return 0;
        }

        // Only constant column names are spliced in; the values travel as parameters.
        var sums = string.Join(", ", Counters.Split(", ").Select(c => $"SUM({c})"));
        var fold = $$"""
            INSERT INTO "KpiCounts" ("Day", "Dimension", "Key", {{Counters}})
            SELECT "Day", "Dimension", "Key", {{sums}} FROM "KpiCounts"
            WHERE "Id" <= {0} AND "Day" >= {1}
            GROUP BY "Day", "Dimension", "Key" HAVING COUNT(*) > 1
            """;
        await db.Database.ExecuteSqlRawAsync(fold, [max.Value, since], cancellationToken);
        var folded = await db.Database.ExecuteSqlRawAsync(
            """
            DELETE FROM "KpiCounts"
            WHERE "Id" <= {0} AND "Day" >= {1} AND EXISTS (
                SELECT 1 FROM "KpiCounts" o
                WHERE o."Day" = "KpiCounts"."Day" AND o."Dimension" = "KpiCounts"."Dimension" AND o."Key" = "KpiCounts"."Key"
                  AND o."Id" <= {0} AND o."Id" <> "KpiCounts"."Id")
            """,
            [max.Value, since],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }
}
