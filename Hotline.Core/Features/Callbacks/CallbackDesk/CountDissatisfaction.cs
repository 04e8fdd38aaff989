using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Callbacks;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary>
/// <c>GET /api/callbacks/dissatisfaction?from=&amp;to=</c>: the orders whose current callback is 不满意, by 不满意原因 and lead
/// unit, over China dates of the callback (both included; default the last 30 days). A reworked order counts once, with
/// its latest callback; automated surveys record no reason and are left out.
/// </summary>
public sealed record CountDissatisfaction(DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<DissatisfactionCountDto>>, IPeriodRequest;

/// <summary>The periods of the KPI pages: <c>from ≤ to</c>, at most Kpis:MaxRangeDays, dates in 2000–2100.</summary>
public sealed class CountDissatisfactionValidator : AbstractValidator<CountDissatisfaction>
{
    public CountDissatisfactionValidator(IOptions<KpiOptions> options) => this.AddPeriodRules(options.Value);
}

public sealed class CountDissatisfactionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<CountDissatisfaction, IReadOnlyList<DissatisfactionCountDto>>
{
    public async Task<IReadOnlyList<DissatisfactionCountDto>> Handle(CountDissatisfaction request, CancellationToken cancellationToken)
    {
        var to = request.To ?? ChinaTime.DateOf(time.GetUtcNow());
        var from = request.From ?? to.AddDays(-29);
        var (start, end) = (ChinaTime.StartOfDay(from), ChinaTime.StartOfDay(to.AddDays(1)));
        var counts = await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.CallbackOutcome == CallbackOutcome.Dissatisfied && t.CallbackReasonCode != null && t.CallbackAt >= start && t.CallbackAt < end)
            .GroupBy(t => new { t.CallbackReasonCode, t.LeadUnitId })
            .Select(g => new { g.Key.CallbackReasonCode, g.Key.LeadUnitId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reasons = await db.CallbackReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        return counts
            .Select(c => (Row: c, Reason: reasons.GetValueOrDefault(c.CallbackReasonCode!)))
            .OrderBy(c => c.Reason?.SortOrder ?? int.MaxValue).ThenByDescending(c => c.Row.Count)
            .Select(c => new DissatisfactionCountDto(c.Row.CallbackReasonCode!, c.Reason?.Name ?? c.Row.CallbackReasonCode!, c.Row.LeadUnitId, c.Row.Count))
            .ToList();
    }
}
