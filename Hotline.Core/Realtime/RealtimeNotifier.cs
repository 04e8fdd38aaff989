using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Realtime;

/// <summary>
/// After the commit, pushes small events to the consoles that may see them. Delivery is at most once: a
/// console that missed something re-syncs from <c>GET /api/events?since=</c>, so a failed push is logged,
/// never retried here and never fails the request that caused it.
/// </summary>
public sealed partial class RealtimeNotifier(IHubContext<HotlineHub, IHotlineClient> hub, HotlineDbContext db, TimeProvider time, ILogger<RealtimeNotifier> logger)
    : INotificationHandler<TicketChangeSaved>, INotificationHandler<DeadlineAlertRaised>, INotificationHandler<CallReceived>,
      INotificationHandler<Features.Calls.CallCentreChanged>
{
    public async Task Handle(TicketChangeSaved change, CancellationToken cancellationToken)
    {
        var groups = new List<string> { HubGroups.Supervisors, HubGroups.Ticket(change.TicketId) };
        foreach (var unitId in change.UnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse))
        {
            groups.Add(HubGroups.Unit(unitId));
            groups.Add(HubGroups.TicketForUnit(change.TicketId, unitId));
        }

        // Agents review new orders and redispatch returned ones; callback staff work the replied ones.
        if (change.Status is TicketStatus.Registered or TicketStatus.ReturnRequested || change.Events.Contains(nameof(ReturnDecided), StringComparison.Ordinal))
        {
            groups.Add(HubGroups.Agents);
        }

        if (change.Status == TicketStatus.Replied || change.Events.Contains(nameof(CallbackRecorded), StringComparison.Ordinal))
        {
            groups.Add(HubGroups.CallbackStaff);
        }

        await SendAsync(() => hub.Clients.Groups(groups).TicketChanged(new TicketChanged(change.TicketId, change.Number, change.Status, change.Version, change.Sequence, change.CommittedAt)));
    }

    public async Task Handle(DeadlineAlertRaised alert, CancellationToken cancellationToken)
    {
        var groups = new List<string> { HubGroups.Supervisors, HubGroups.Ticket(alert.TicketId) };
        if (alert.UnitId is { } unitId)
        {
            groups.Add(HubGroups.Unit(unitId));
            groups.Add(HubGroups.TicketForUnit(alert.TicketId, unitId));
        }

        await SendAsync(() => hub.Clients.Groups(groups).DeadlineAlert(new DeadlineAlert(alert.TicketId, alert.Number, alert.Stage, alert.Kind, alert.DueAt, alert.UnitId)));
    }

    /// <summary>
    /// Rings the agents whose presence is available: for a call of a seat group (专席) only those with the group, until it
    /// overflows (then everyone); the others still see the call in <c>GET /api/calls?active=true</c>. The ring carries the
    /// priority reason and the warning of a flagged number.
    /// </summary>
    public async Task Handle(CallReceived call, CancellationToken cancellationToken)
    {
        await Features.Calls.AgentStates.ReleaseExpiredWrapUpsAsync(db, time.GetUtcNow(), cancellationToken);
        var presences = db.AgentPresences.AsNoTracking().Where(p => p.Status == AgentPresenceStatus.Available);
        if (call.SeatGroup is { } group && !call.Overflow)
        {
            presences = presences.Where(p => db.AgentSeatGroups.Any(g => g.UserId == p.UserId && g.SeatGroup == group));
        }

        var available = await presences.Select(p => p.UserId).ToListAsync(cancellationToken);
        if (available.Count > 0)
        {
            var ring = new CallRinging(call.CallId, call.CallSid, call.From, call.At, call.PriorityReason, call.SeatGroup, call.FlagReason, call.FlagPolicy, call.Overflow);
            await SendAsync(() => hub.Clients.Groups(available.Select(HubGroups.User).ToList()).CallRinging(ring));
        }
    }

    /// <summary>The wallboard's hint, to the roles that may see it (agents and supervisors); the console re-reads the figures.</summary>
    public Task Handle(Features.Calls.CallCentreChanged change, CancellationToken cancellationToken) =>
        SendAsync(() => hub.Clients.Groups([HubGroups.Agents, HubGroups.Supervisors]).CallCentreUpdated(new CallCentreUpdated(time.GetUtcNow())));

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time push failed; consoles re-sync from /api/events")]
    private partial void LogPushFailed(Exception exception);
}
