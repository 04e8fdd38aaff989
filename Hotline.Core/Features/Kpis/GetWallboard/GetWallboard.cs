using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Calls;
using Hotline.Core.Features.Kpis.GetCallMeasures;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis.GetWallboard;

/// <summary>
/// <c>GET /api/kpis/calls/live</c> (Agent, Supervisor): the wallboard (大屏). Today's figures are
/// <see cref="CallMeasureReader"/>'s for today's China day, so the wallboard and <c>GET /api/kpis/calls</c> agree.
/// </summary>
public sealed record GetWallboard : IRequest<WallboardDto>;

public sealed class GetWallboardHandler(HotlineDbContext db, CallMeasureReader reader, TimeProvider time) : IRequestHandler<GetWallboard, WallboardDto>
{
    private static readonly AgentPresenceStatus[] StateOrder = [AgentPresenceStatus.Available, AgentPresenceStatus.Busy, AgentPresenceStatus.WrapUp, AgentPresenceStatus.Away];

    public async Task<WallboardDto> Handle(GetWallboard request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await AgentStates.ReleaseExpiredWrapUpsAsync(db, now, cancellationToken);
        var today = ChinaTime.DateOf(now);

        var waitingSince = await db.Calls.AsNoTracking()
            .Where(c => c.IsActive && c.AgentId == null && !c.AfterHours && !c.Limited)
            .Select(c => c.StartedAt)
            .ToListAsync(cancellationToken);
        DateTimeOffset? longest = waitingSince.Count == 0 ? null : waitingSince.Min();

        var measures = await reader.ComputeAsync(new KpiPeriod(today, today), CallGrouping.Day, cancellationToken);
        var todayKey = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todays = measures.FirstOrDefault(m => m.Key == todayKey) ?? new CallMeasuresDto(todayKey, null, 0, 0, 0, null, null, 0, 0, null, null, 0, 0);

        var callbacksPending = await db.MissedCalls.AsNoTracking().CountAsync(m => m.Status != MissedCallStatus.Done, cancellationToken);

        // Roles are a list column: the few staff accounts are filtered in memory.
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Roles })
            .ToListAsync(cancellationToken);
        var presences = await db.AgentPresences.AsNoTracking()
            .ToDictionaryAsync(p => p.UserId, p => p.Status, cancellationToken);
        var agents = users
            .Where(u => u.Roles.Contains(Roles.Agent))
            .Select(u => new WallboardAgentDto(u.Id, u.UserName, u.DisplayName, presences.GetValueOrDefault(u.Id, AgentPresenceStatus.Away)))
            .OrderBy(a => Array.IndexOf(StateOrder, a.Status))
            .ThenBy(a => a.DisplayName, StringComparer.Ordinal)
            .ToList();

        return new WallboardDto(
            ChinaTime.ToChina(now),
            today,
            waitingSince.Count,
            longest is { } since ? ChinaTime.ToChina(since) : null,
            longest is { } from ? (int)Math.Max(0, (now - from).TotalSeconds) : null,
            agents,
            todays,
            callbacksPending);
    }
}
