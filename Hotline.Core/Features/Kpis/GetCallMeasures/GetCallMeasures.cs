using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetCallMeasures;

/// <summary>
/// <c>GET /api/kpis/calls?from=&amp;to=&amp;groupBy=hour|day|agent</c>: the line's measures (话务指标) over whole China days
/// (default this month), from the call rows: inbound calls inside the staffed hours that were answered or ended (a
/// caller still waiting is counted once answered or gone), and the missed-call callbacks recorded in the period.
/// See <see cref="CallMeasureCalculator"/>.
/// </summary>
public sealed record GetCallMeasures(DateOnly? From, DateOnly? To, CallGrouping GroupBy = CallGrouping.Day) : IRequest<IReadOnlyList<CallMeasuresDto>>, IPeriodRequest;

public sealed class GetCallMeasuresValidator : AbstractValidator<GetCallMeasures>
{
    public GetCallMeasuresValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.GroupBy).IsInEnum();
    }
}

public sealed class GetCallMeasuresHandler(CallMeasureReader reader, TimeProvider time) : IRequestHandler<GetCallMeasures, IReadOnlyList<CallMeasuresDto>>
{
    public Task<IReadOnlyList<CallMeasuresDto>> Handle(GetCallMeasures request, CancellationToken cancellationToken) =>
        reader.ComputeAsync(KpiPeriod.Resolve(request.From, request.To, time), request.GroupBy, cancellationToken);
}

/// <summary>Reads the facts of a period from the database and hands them to <see cref="CallMeasureCalculator"/>.</summary>
public sealed class CallMeasureReader(HotlineDbContext db)
{
    public async Task<IReadOnlyList<CallMeasuresDto>> ComputeAsync(KpiPeriod period, CallGrouping groupBy, CancellationToken ct)
    {
        var (start, end) = (period.FromUtc, period.ToUtc);
        var calls = await (
                from c in db.Calls.AsNoTracking()
                where c.StartedAt >= start && c.StartedAt < end && !c.AfterHours && (c.AgentId != null || !c.IsActive || c.Limited)
                join u in db.Users on c.AgentId equals u.Id into agents
                from u in agents.DefaultIfEmpty()
                select new CallFact(c.StartedAt, c.AgentId == null ? null : c.AgentAnsweredAt, c.EndedAt, u == null ? null : u.UserName, u == null ? null : u.DisplayName, c.Limited))
            .ToListAsync(ct);
        var callbacks = await (
                from a in db.MissedCallAttempts.AsNoTracking()
                where a.RecordedAt >= start && a.RecordedAt < end
                join u in db.Users on a.AgentId equals u.Id
                select new CallbackFact(a.RecordedAt, a.Outcome == MissedCallOutcome.Reached, u.UserName, u.DisplayName))
            .ToListAsync(ct);
        return CallMeasureCalculator.Compute(calls, callbacks, groupBy);
    }
}
