using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Events;

public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>
    /// How long a missing sequence number in the change log holds back the changes after it: the time a transaction
    /// that took the number may still take to commit. A number missing for longer belonged to a transaction that
    /// rolled back (a concurrency conflict, a failed save) and is never filled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Where the change log can be read up to without skipping a change that has not committed yet. On PostgreSQL and SQL
/// Server an identity value is taken when the row is inserted, not when its transaction commits, so sequence 11 can be
/// visible while 10 is still in flight; a client that read 11 and asked for "after 11" next would never see 10. The
/// horizon is the first missing number after the caller's cursor that this node first saw missing less than
/// <see cref="EventsOptions.GapTimeout"/> ago: the feed stops just before it, and the client's next call (its cursor
/// unchanged) gets 10 and 11 in order once 10 commits. A number missing for longer is a rolled-back transaction's and is
/// stepped over. SQLite has one writer at a time and commits in sequence order, so it has no horizon. The timing is the
/// machine's clock, never the application's <see cref="TimeProvider"/> (a test clock may stand still).
/// </summary>
public sealed class ChangeLogHorizon(IOptions<EventsOptions> options)
{
    /// <summary>
    /// How many of the newest sequence numbers one call looks at for gaps. A young gap is a transaction in flight, so
    /// it lies among the numbers taken in the last <see cref="EventsOptions.GapTimeout"/>: 5,000 of them in 15 s is over
    /// 300 order changes a second, beyond a centre's busiest hour.
    /// </summary>
    public const int Window = 5_000;

    private const int MaxTracked = 10_000;

    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>Missing sequence numbers and when this node first saw each missing.</summary>
    private readonly ConcurrentDictionary<long, DateTimeOffset> _missingSince = new();

    /// <summary>The first sequence after <paramref name="since"/> that must not be read past yet; null when none.</summary>
    public async Task<long?> FindAsync(HotlineDbContext db, long since, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            return null;
        }

        // The newest numbers after the cursor (an index-only read of the primary key), oldest first.
        var present = await db.TicketChanges.AsNoTracking()
            .Where(c => c.Sequence > since)
            .OrderByDescending(c => c.Sequence)
            .Select(c => c.Sequence)
            .Take(Window)
            .ToListAsync(ct);
        present.Reverse();
        var from = present.Count == Window ? present[0] - 1 : since;
        return Horizon(from, present, Clock.GetUtcNow());
    }

    /// <summary>
    /// The decision on the numbers present after <paramref name="since"/> (ascending): the first gap this node first saw
    /// less than the timeout ago, remembering each gap when it is first seen.
    /// </summary>
    public long? Horizon(long since, IReadOnlyList<long> present, DateTimeOffset now)
    {
        var timeout = options.Value.GapTimeout;
        var expected = since + 1;
        foreach (var sequence in present)
        {
            _missingSince.TryRemove(sequence, out _);
            for (var missing = expected; missing < sequence; missing++)
            {
                var first = _missingSince.GetOrAdd(missing, now);
                if (now - first < timeout)
                {
                    Prune(now, timeout);
                    return missing;
                }
            }

            expected = sequence + 1;
        }

        Prune(now, timeout);
        return null;
    }

    /// <summary>Forgets the oldest stale gaps once many are tracked (a gap forgotten is waited for once more, never skipped early).</summary>
    private void Prune(DateTimeOffset now, TimeSpan timeout)
    {
        if (_missingSince.Count <= MaxTracked)
        {
            return;
        }

        foreach (var stale in _missingSince.Where(g => now - g.Value > timeout).OrderBy(g => g.Value).Take(_missingSince.Count - MaxTracked / 2).ToList())
        {
            _missingSince.TryRemove(stale.Key, out _);
        }
    }
}
