using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls;

/// <summary>
/// The agents' state machine in the database. Every change is logged (<c>AgentStateChanges</c>). Transitions made by
/// the system are conditional updates, so two nodes never both apply one: Available → Busy when answering, Busy →
/// WrapUp when the agent's call ends, WrapUp → Available when the wrap-up time has passed (applied lazily, at the
/// time it ended, whenever presence is read, a call rings or is answered, or states are reported).
/// </summary>
public static class AgentStates
{
    /// <summary>Available again for every agent whose wrap-up has ended by <paramref name="now"/>; logged at the wrap-up's end.</summary>
    public static async Task ReleaseExpiredWrapUpsAsync(HotlineDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var expired = await db.AgentPresences.AsNoTracking()
            .Where(p => p.Status == AgentPresenceStatus.WrapUp && p.WrapUpEndsAt <= now)
            .Select(p => new { p.UserId, p.WrapUpEndsAt })
            .ToListAsync(ct);
        foreach (var presence in expired)
        {
            var endedAt = presence.WrapUpEndsAt!.Value;
            var released = await db.AgentPresences
                .Where(p => p.UserId == presence.UserId && p.Status == AgentPresenceStatus.WrapUp && p.WrapUpEndsAt == endedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, AgentPresenceStatus.Available).SetProperty(p => p.UpdatedAt, endedAt).SetProperty(p => p.WrapUpEndsAt, (DateTimeOffset?)null), ct);
            if (released == 1)
            {
                await LogAsync(db, presence.UserId, AgentPresenceStatus.Available, endedAt, ct);
            }
        }
    }

    /// <summary>Moves the agent from <paramref name="from"/> to <paramref name="to"/> if still in <paramref name="from"/>; logged. False when the agent was not.</summary>
    public static async Task<bool> TransitionAsync(HotlineDbContext db, Guid userId, AgentPresenceStatus from, AgentPresenceStatus to, DateTimeOffset now, TimeSpan wrapUpTime, CancellationToken ct)
    {
        DateTimeOffset? wrapUpEndsAt = to == AgentPresenceStatus.WrapUp ? now + wrapUpTime : null;
        var changed = await db.AgentPresences
            .Where(p => p.UserId == userId && p.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.WrapUpEndsAt, wrapUpEndsAt), ct);
        if (changed == 1)
        {
            await LogAsync(db, userId, to, now, ct);
        }

        return changed == 1;
    }

    /// <summary>The end of the agent's call: wrap-up for <paramref name="wrapUpTime"/> (none: available at once).</summary>
    public static Task<bool> CallEndedAsync(HotlineDbContext db, Guid userId, DateTimeOffset now, TimeSpan wrapUpTime, CancellationToken ct) =>
        TransitionAsync(db, userId, AgentPresenceStatus.Busy, wrapUpTime > TimeSpan.Zero ? AgentPresenceStatus.WrapUp : AgentPresenceStatus.Available, now, wrapUpTime, ct);

    /// <summary>Loads the agent's presence (a new one is Away), applies <paramref name="apply"/> and saves; two first writes at once both apply.</summary>
    public static async Task<AgentPresence> UpsertAsync(HotlineDbContext db, Guid userId, DateTimeOffset now, Action<AgentPresence> apply, CancellationToken ct)
    {
        var presence = await db.AgentPresences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (presence is null)
        {
            presence = AgentPresence.For(userId, AgentPresenceStatus.Away, now);
            db.AgentPresences.Add(presence);
        }

        apply(presence);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(presence).State == EntityState.Added)
        {
            // Two tabs wrote it first at once: the row exists now; apply this change to it.
            db.ChangeTracker.Clear();
            presence = await db.AgentPresences.FirstAsync(p => p.UserId == userId, ct);
            apply(presence);
            await db.SaveChangesAsync(ct);
        }

        return presence;
    }

    public static AgentPresenceDto ToDto(this AgentPresence presence, CallConnection connection) =>
        new(presence.UserId, presence.Status, presence.UpdatedAt, presence.WrapUpEndsAt, presence.DevicePhone, connection);

    /// <summary>The agent's 接听方式 (kept on the user, so an Admin sets it too).</summary>
    public static Task<CallConnection> ConnectionOfAsync(HotlineDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CallConnection).FirstOrDefaultAsync(ct);

    public static async Task LogAsync(HotlineDbContext db, Guid userId, AgentPresenceStatus status, DateTimeOffset at, CancellationToken ct)
    {
        db.AgentStateChanges.Add(AgentStateChange.Of(userId, status, at));
        await db.SaveChangesAsync(ct);
    }
}
