using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>
/// Before every save: for each added, changed or deleted order, the difference between its new and old
/// contribution (<see cref="KpiContribution"/>) is added as <see cref="KpiCount"/> rows, which the same
/// SaveChanges writes in the same transaction. Rows are only inserted, never updated, so two requests never
/// contend for a counter.
/// </summary>
public sealed class KpiCountsInterceptor : SaveChangesInterceptor
{
    public static readonly KpiCountsInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddCounts(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddCounts(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AddCounts(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // HotlineDbContext detects the changes once and saves with automatic detection off; any other caller gets it here.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var deltas = new Dictionary<(DateOnly, KpiDimension, string), KpiCount>();
        foreach (var entry in context.ChangeTracker.Entries<Ticket>().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.State != EntityState.Deleted)
            {
                Accumulate(deltas, KpiContribution.Of(KpiSnapshot.Of(entry.Entity)), +1);
            }

            if (entry.State != EntityState.Added)
            {
                Accumulate(deltas, KpiContribution.Of(Original(entry)), -1);
            }
        }

        var rows = deltas.Values.Where(d => !d.IsZero).ToList();
        if (rows.Count > 0)
        {
            context.Set<KpiCount>().AddRange(rows);
        }
    }

    private static void Accumulate(Dictionary<(DateOnly, KpiDimension, string), KpiCount> deltas, IEnumerable<KpiCount> rows, int sign)
    {
        foreach (var row in rows)
        {
            var key = (row.Day, row.Dimension, row.Key);
            if (!deltas.TryGetValue(key, out var delta))
            {
                delta = new KpiCount { Day = row.Day, Dimension = row.Dimension, Key = row.Key };
                deltas[key] = delta;
            }

            delta.Add(row, sign);
        }
    }

    /// <summary>The order as it was loaded: the changing fields from the original values; where and what it is about never change.</summary>
    private static KpiSnapshot Original(EntityEntry<Ticket> entry)
    {
        var o = entry.OriginalValues;
        var clocks = entry.Reference(t => t.Clocks).TargetEntry!.OriginalValues;
        var t = entry.Entity;
        var callbackAt = o.GetValue<DateTimeOffset?>(nameof(Ticket.CallbackAt));
        return new KpiSnapshot(
            o.GetValue<TicketStatus>(nameof(Ticket.Status)),
            o.GetValue<CloseReason?>(nameof(Ticket.CloseReason)),
            t.Channel,
            t.Type,
            t.CategoryCode,
            t.Location.DistrictCode,
            t.Location.StreetCode,
            t.CreatedDay,
            o.GetValue<Guid?>(nameof(Ticket.LeadUnitId)),
            o.GetValue<DateTimeOffset?>(nameof(Ticket.FirstDispatchedAt)),
            clocks.GetValue<DateTimeOffset?>(nameof(TicketClocks.AcceptDueAt)),
            clocks.GetValue<DateTimeOffset?>(nameof(TicketClocks.ContactDueAt)),
            clocks.GetValue<DateTimeOffset?>(nameof(TicketClocks.ReplyDueAt)),
            o.GetValue<DateTimeOffset?>(nameof(Ticket.AcceptedAt)),
            o.GetValue<DateTimeOffset?>(nameof(Ticket.ContactedAt)),
            o.GetValue<DateTimeOffset?>(nameof(Ticket.RepliedAt)),
            o.GetValue<DateTimeOffset?>(nameof(Ticket.ClosedAt)),
            clocks.GetValue<AlertFlags>(nameof(TicketClocks.AlertsRaised)),
            o.GetValue<bool>(nameof(Ticket.PriorResponseLate)),
            o.GetValue<bool>(nameof(Ticket.PriorReplyLate)),
            o.GetValue<CallbackOutcome?>(nameof(Ticket.CallbackOutcome)),
            o.GetValue<bool?>(nameof(Ticket.CallbackSolved)),
            callbackAt,
            o.GetValue<DateTimeOffset?>(nameof(Ticket.CallbackExemptedAt)) is { } exempted && exempted == callbackAt,
            o.GetValue<bool>(nameof(Ticket.LatenessExempted)));
    }
}
