using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// Keeps this node's <see cref="TicketSimilarityIndex"/> equal to the database (docs/intelligence.md "The index on
/// each node, and how nodes agree") from the order change log (<see cref="TicketChange"/>, one row per saved change
/// of an order, written in the order's own transaction): rebuilt at start from every order oldest first, then
/// current at once after a change saved on this node (<see cref="SimilarityIndexOnChange"/>) and every
/// <see cref="SimilarityOptions.PollInterval"/> for changes saved elsewhere. Applying a change reads the order as it
/// is now: a new one is added, a known one gets its state (open, closed, excluded); text and place never change.
/// </summary>
public sealed class TicketSimilarityIndexSync(
    IServiceScopeFactory scopes,
    TicketSimilarityIndex index,
    IOptions<SimilarityOptions> options,
    ILogger<TicketSimilarityIndexSync> logger) : ChangeLogIndexSync<Guid>(scopes, logger)
{
    protected override string IndexName => "Similarity";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan GapTimeout => options.Value.GapTimeout;

    protected override int BatchSize => 1000;

    /// <summary>What the index reads of each order (public for the benchmark, which times a rebuild in its own process).</summary>
    public static IQueryable<IndexedOrder> Rows(IQueryable<Ticket> tickets) => tickets.Select(t => new IndexedOrder(
        t.Id,
        t.CreatedAt,
        t.Location.DistrictCode,
        t.Location.StreetCode,
        t.Status != TicketStatus.Closed ? IndexedOrderState.Open
            : t.CloseReason == CloseReason.Duplicate || t.CloseReason == CloseReason.Invalid || t.CloseReason == CloseReason.Split || t.CloseReason == CloseReason.TransferredOut ? IndexedOrderState.Excluded
            : IndexedOrderState.Closed,
        t.Content));

    protected override async Task<long> ReadWatermarkAsync(HotlineDbContext db, CancellationToken ct) =>
        await db.TicketChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;

    protected override Task<int> RebuildIndexAsync(HotlineDbContext db, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // Streamed oldest first: the texts are shingled on the way and never held all at once.
        return index.RebuildAsync(Rows(db.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)).AsAsyncEnumerable(), ct);
    }

    protected override async Task<List<(long Sequence, Guid Key)>> ReadChangesAsync(HotlineDbContext db, long after, int take, CancellationToken ct) =>
        (await db.TicketChanges.AsNoTracking()
            .Where(c => c.Sequence > after).OrderBy(c => c.Sequence).Take(take)
            .Select(c => new { c.Sequence, c.TicketId })
            .ToListAsync(ct))
        .Select(c => (c.Sequence, c.TicketId))
        .ToList();

    protected override async Task ApplyAsync(HotlineDbContext db, List<Guid> keys, CancellationToken ct)
    {
        var ids = keys.Distinct().ToList();
        index.Apply(await Rows(db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))).ToListAsync(ct));
    }
}
