using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.GetAgentStates;

/// <summary>
/// <c>GET /api/agents/states?date=</c> (Supervisor): seconds in each state per agent on one China-time day (today
/// until now), from the state log: every agent with a logged change up to that day, by display name.
/// </summary>
public sealed record GetAgentStates(DateOnly? Date) : IRequest<AgentStatesDto>;

public sealed class GetAgentStatesValidator : AbstractValidator<GetAgentStates>
{
    public GetAgentStatesValidator() => RuleFor(x => x.Date)
        .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100))
        .WithMessage("日期须在 2000 至 2100 年之间。")
        .OverridePropertyName("date");
}

public sealed class GetAgentStatesHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<GetAgentStates, AgentStatesDto>
{
    public async Task<AgentStatesDto> Handle(GetAgentStates request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await AgentStates.ReleaseExpiredWrapUpsAsync(db, now, cancellationToken);
        var date = request.Date ?? ChinaTime.DateOf(now);
        var from = ChinaTime.StartOfDay(date);
        var end = from.AddDays(1);
        var to = end < now ? end : now;

        var inDay = await db.AgentStateChanges.AsNoTracking()
            .Where(c => c.At >= from && c.At <= to)
            .Select(c => new { c.UserId, c.Status, c.At })
            .ToListAsync(cancellationToken);
        var lastBeforeIds = await db.AgentStateChanges.AsNoTracking()
            .Where(c => c.At < from)
            .GroupBy(c => c.UserId)
            .Select(g => g.Max(c => c.Id))
            .ToListAsync(cancellationToken);
        var before = await db.AgentStateChanges.AsNoTracking()
            .Where(c => lastBeforeIds.Contains(c.Id))
            .Select(c => new { c.UserId, c.Status, c.At })
            .ToListAsync(cancellationToken);
        var changes = inDay.Concat(before).ToLookup(c => c.UserId, c => (c.Status, c.At));
        var userIds = changes.Select(g => g.Key).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);

        var agents = users
            .Select(u =>
            {
                var totals = AgentStateTimes.Compute(changes[u.Id], from, to);
                return new AgentStateTimeDto(u.Id, u.UserName, u.DisplayName,
                    Seconds(totals[AgentPresenceStatus.Available]), Seconds(totals[AgentPresenceStatus.Busy]),
                    Seconds(totals[AgentPresenceStatus.WrapUp]), Seconds(totals[AgentPresenceStatus.Away]));
            })
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal)
            .ThenBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
        return new AgentStatesDto(date, agents);
    }

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);
}
