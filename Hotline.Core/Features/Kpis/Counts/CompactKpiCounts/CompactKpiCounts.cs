using Hotline.Core.Data;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis.Counts.CompactKpiCounts;

/// <summary>
/// Folds the rows of each day and key into one (sums are unchanged), for the days since <see cref="Since"/>
/// (default: the last 62 China days). Safe to run at any time and in parallel with writers: it folds only rows
/// that existed when it started.
/// </summary>
public sealed record CompactKpiCounts(DateOnly? Since = null) : IRequest<int>;

public sealed class CompactKpiCountsHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<CompactKpiCounts, int>
{
    public const string Counters = "\"Registered\", \"HotSpot\", \"Dispatched\", \"RespondedOnTime\", \"ResponseLate\", \"Replied\", \"RepliedOnTime\", \"ReplyLate\", \"OverdueOpen\", \"Satisfied\", \"BasicallySatisfied\", \"Dissatisfied\", \"Unreachable\", \"Solved\", \"ResponseExempted\", \"ReplyExempted\", \"CallbackExempted\"";

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
