using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Tickets.ListTickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetKpiOrders;

/// <summary>
/// <c>GET /api/kpis/orders</c>: the orders behind one figure of the measures pages, as the order list's rows, with the
/// figure's parts (docs/kpis.md, "Drill-down"). The count of <c>outcome=all</c> is the figure's denominator (or count).
/// </summary>
public sealed record GetKpiOrders(
    KpiMeasure Measure,
    KpiOutcome Outcome,
    DateOnly? From,
    DateOnly? To,
    KpiOrderFilter Filter,
    int Page = 1,
    int PageSize = 50) : IRequest<KpiOrdersDto>, IPeriodRequest;

public sealed class GetKpiOrdersValidator : AbstractValidator<GetKpiOrders>
{
    public GetKpiOrdersValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Measure).IsInEnum().OverridePropertyName("measure");
        RuleFor(r => r.Outcome).IsInEnum().OverridePropertyName("outcome");
        RuleFor(r => r.Outcome)
            .Must((r, outcome) => outcome == KpiOutcome.All || MeasureParts.IsRate(r.Measure))
            .WithMessage(r => $"“{r.Measure.ToString().ToLowerInvariant()}”是计数而非比率，没有达标/未达标/豁免之分（outcome 只能为 all）。")
            .OverridePropertyName("outcome");
        RuleFor(r => r.Page).InclusiveBetween(1, 100_000).OverridePropertyName("page");
        RuleFor(r => r.PageSize).InclusiveBetween(1, 200).OverridePropertyName("pageSize");
        RuleFor(r => r.Filter.DistrictCode).MaximumLength(32).OverridePropertyName("districtCode");
        RuleFor(r => r.Filter.CategoryCode).MaximumLength(32).OverridePropertyName("categoryCode");
        RuleFor(r => r.Filter.StreetCode).MaximumLength(32).OverridePropertyName("streetCode");
        RuleFor(r => r.Filter.Channel).IsInEnum().OverridePropertyName("channel");
        RuleFor(r => r.Filter.Type).IsInEnum().OverridePropertyName("type");
    }
}

public sealed class GetKpiOrdersHandler(KpiOrderFinder finder, HotlineDbContext db, TimeProvider time) : IRequestHandler<GetKpiOrders, KpiOrdersDto>
{
    public async Task<KpiOrdersDto> Handle(GetKpiOrders request, CancellationToken cancellationToken)
    {
        var period = KpiPeriod.Resolve(request.From, request.To, time);
        var hits = await finder.FindAsync(request.Measure, period, request.Filter, cancellationToken);
        var selected = hits.Where(h => Matches(h, request.Outcome)).ToList();
        var page = selected.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();

        var now = time.GetUtcNow();
        var ids = page.Select(h => h.TicketId).Distinct().ToList();
        var rows = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(TicketListQuery.ListItem(now)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var items = page.Select(h => new KpiOrderRowDto(rows[h.TicketId], h.Met, h.At)).ToList();

        var rate = MeasureParts.IsRate(request.Measure);
        var counted = hits.Where(h => !h.Exempted).ToList();
        return new KpiOrdersDto(
            request.Measure, request.Outcome, period.From, period.To, items, selected.Count, counted.Count,
            rate ? counted.Count(h => h.Met == true) : null,
            rate ? counted.Count(h => h.Met == false) : null,
            rate ? hits.Count(h => h.Exempted) : null);
    }

    /// <summary>Whether a hit is in the part asked for: all (the denominator, exempted ones left out), met, missed or exempted.</summary>
    public static bool Matches(KpiOrderHit hit, KpiOutcome outcome) => outcome switch
    {
        KpiOutcome.Met => hit.Met == true,
        KpiOutcome.Missed => hit.Met == false,
        KpiOutcome.Exempted => hit.Exempted,
        _ => !hit.Exempted,
    };
}
