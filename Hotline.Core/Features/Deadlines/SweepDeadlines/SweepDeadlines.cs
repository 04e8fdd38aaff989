using Hotline.Core.Data;
using Hotline.Domain.Calendar;
using Hotline.Domain.Tickets;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Deadlines.SweepDeadlines;

/// <summary>
/// The deadline sweep: raises every warning and overdue alert that has fallen due, reading only orders
/// whose indexed <c>NextAlertAt</c> has passed, in batches. Each alert is committed with its timeline
/// entry and change-log row, so a crash loses nothing and a re-run (or a second worker) raises nothing
/// twice: the order's version and a unique index on the alerts refuse the loser. A suspended order runs no clock and
/// raises nothing; its <c>NextAlertAt</c> is the end of its suspension, when the sweep restarts its clocks (恢复计时).
/// </summary>
public sealed record SweepDeadlines : IRequest<SweepResult>;

public sealed record SweepResult(int OrdersRead, int AlertsRaised, int Conflicts);

public sealed partial class SweepDeadlinesHandler(
    HotlineDbContext db,
    TimeProvider time,
    IOptions<DeadlineOptions> options,
    ILogger<SweepDeadlinesHandler> logger) : IRequestHandler<SweepDeadlines, SweepResult>
{
    private static readonly Actor Sweep = Actor.System("deadline-sweep");

    public async Task<SweepResult> Handle(SweepDeadlines request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        WorkingCalendar? calendar = null;
        var batchSize = options.Value.BatchSize;
        var (read, raised, conflicts) = (0, 0, 0);
        var seen = new HashSet<Guid>();

        while (!cancellationToken.IsCancellationRequested)
        {
            // Participants are loaded so the change log names every unit that may see the order.
            var batch = await db.Tickets
                .Include(t => t.Participants)
                .Where(t => t.Clocks.NextAlertAt != null && t.Clocks.NextAlertAt <= now)
                .OrderBy(t => t.Clocks.NextAlertAt)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            var fetched = batch.Count;

            // An order that lost a race stays due and comes back first; the next sweep retries it.
            batch.RemoveAll(t => !seen.Add(t.Id));
            if (batch.Count == 0)
            {
                break;
            }

            read += batch.Count;
            calendar ??= batch.Any(t => t.IsSuspensionOver(now)) ? await CalendarAsync(cancellationToken) : null;
            var batchRaised = batch.Sum(t => Advance(t, calendar, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                raised += batchRaised;
            }
            catch (DbUpdateException)
            {
                // Someone changed one of these orders meanwhile (a user, or another worker's sweep):
                // redo the batch order by order so the others are not held back.
                // Events of earlier batches stay queued: they were committed and are published after the sweep.
                db.ChangeTracker.Clear();
                var (one, lost) = await SweepOneByOneAsync(batch.Select(t => t.Id).ToList(), calendar, now, cancellationToken);
                raised += one;
                conflicts += lost;
            }

            db.ChangeTracker.Clear();
            if (fetched < batchSize)
            {
                break;
            }
        }

        if (raised > 0 || conflicts > 0)
        {
            LogSwept(read, raised, conflicts);
        }

        return new SweepResult(read, raised, conflicts);
    }

    /// <summary>Restarts the clocks of a suspension that has reached its end, then raises what has fallen due.</summary>
    private static int Advance(Ticket ticket, WorkingCalendar? calendar, DateTimeOffset now)
    {
        if (ticket.IsSuspensionOver(now))
        {
            ticket.Resume(calendar!, Sweep, now);
        }

        return ticket.RaiseDueAlerts(now, Sweep);
    }

    /// <summary>The statutory calendar, read only when a suspension ends (a resumed working-day clock counts on it).</summary>
    private async Task<WorkingCalendar> CalendarAsync(CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    private async Task<(int Raised, int Conflicts)> SweepOneByOneAsync(IReadOnlyList<Guid> ids, WorkingCalendar? calendar, DateTimeOffset now, CancellationToken ct)
    {
        var (raised, conflicts) = (0, 0);
        foreach (var id in ids)
        {
            var ticket = await db.Tickets.Include(t => t.Participants).FirstOrDefaultAsync(t => t.Id == id, ct);
            if (ticket is null)
            {
                continue;
            }

            calendar ??= ticket.IsSuspensionOver(now) ? await CalendarAsync(ct) : null;
            var count = Advance(ticket, calendar, now);
            try
            {
                await db.SaveChangesAsync(ct);
                raised += count;
            }
            catch (DbUpdateException)
            {
                // Lost to a concurrent change; whatever is still due is raised by the next sweep.
                conflicts++;
            }

            db.ChangeTracker.Clear();
        }

        return (raised, conflicts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep read {Read} orders, raised {Raised} alerts, {Conflicts} lost to concurrent changes")]
    private partial void LogSwept(int read, int raised, int conflicts);
}
