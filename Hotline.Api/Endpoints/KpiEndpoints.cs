using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Kpis.Counts.RebuildKpiCounts;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Core.Features.Kpis.ExportKpiTable;
using Hotline.Core.Features.Kpis.GetCallMeasures;
using Hotline.Core.Features.Kpis.GetGroupMeasures;
using Hotline.Core.Features.Kpis.GetHonorRoll;
using Hotline.Core.Features.Kpis.GetHotSpots;
using Hotline.Core.Features.Kpis.GetKpiOrders;
using Hotline.Core.Features.Kpis.GetRanking;
using Hotline.Core.Features.Kpis.GetUnitMeasures;
using Hotline.Core.Features.Kpis.GetVolumes;
using Hotline.Core.Features.Kpis.GetWallboard;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>The three rates (三率), volumes and hot spots for supervisors (docs/kpis.md). Dates are China dates, yyyy-MM-dd.</summary>
public static class KpiEndpoints
{
    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        var kpis = app.MapGroup("/api/kpis").WithTags("Measures").RequireAuthorization(Policies.Analytics)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        kpis.MapGet("/units", (DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) => m.Send(new GetUnitMeasures(from, to), ct))
            .WithName("GetUnitMeasures").WithSummary("三率 per lead unit over from..to (China dates, inclusive; default: this month), best score first")
            .WithDescription("Response, resolution, satisfaction and on-time reply rates per accountable (lead) unit. Orders count in the period of their first dispatch, callbacks in the period they were recorded; late open orders count against the on-time rates; unreachable callbacks are excluded. Rates are 0–1 or null when nothing was counted. See docs/kpis.md.");
        kpis.MapGet("/districts", (DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) => m.Send(new GetGroupMeasures(MeasureDimension.District, from, to), ct))
            .WithName("GetDistrictMeasures").WithSummary("The same figures by the order's district");
        kpis.MapGet("/categories", (DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) => m.Send(new GetGroupMeasures(MeasureDimension.Category, from, to), ct))
            .WithName("GetCategoryMeasures").WithSummary("The same figures by the order's category");
        kpis.MapGet("/ranking", (DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) => m.Send(new GetRanking(from, to), ct))
            .WithName("GetUnitRanking").WithSummary("Units ranked by the composite score (weights in Kpis:Weights); equal scores share a rank");
        kpis.MapGet("/volumes", (DateOnly? from, DateOnly? to, string? interval, string? dimension, IMediator m, CancellationToken ct) =>
                m.Send(new GetVolumes(from, to, Parse<VolumeInterval>(interval, VolumeInterval.Day), Parse<VolumeDimension>(dimension, VolumeDimension.Channel)), ct))
            .WithName("GetVolumes").WithSummary("Orders registered per day, week or month (China time) by channel, type, category or district, with return, extension and rework counts");
        kpis.MapGet("/hotspots", (DateOnly? week, IMediator m, CancellationToken ct) => m.Send(new GetHotSpots(week), ct))
            .WithName("GetHotSpots").WithSummary("Categories rising in a street in the week holding `week` (default: this week) against the previous weeks, with their orders (主动治理)");
        kpis.MapGet("/export/{table}", async (string table, string? format, DateOnly? from, DateOnly? to, string? interval, string? dimension, DateOnly? week, IMediator m, CancellationToken ct) =>
            {
                var request = new ExportKpiTable(Parse<KpiTable>(table, null), Parse<ExportFormat>(format, ExportFormat.Xlsx), from, to, Parse<VolumeInterval>(interval, VolumeInterval.Day), Parse<VolumeDimension>(dimension, VolumeDimension.Channel), week);
                var file = await m.Send(request, ct);
                return TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);
            })
            .WithName("ExportKpiTable").Produces(StatusCodes.Status200OK, contentType: XlsxTableWriter.ContentType)
            .WithSummary("Any table (units, districts, categories, ranking, volumes, hotspots) as CSV (UTF-8 with BOM) or XLSX, with the same parameters");
        kpis.MapGet("/honor-roll", (string? month, IMediator m, CancellationToken ct) => m.Send(new GetHonorRoll(month), ct))
            .WithName("GetHonorRoll").WithSummary("The monthly 红黄榜 (month=yyyy-MM; default the last complete month until Kpis:HonorRoll:PreviousMonthUntilDay): best and weakest units by the composite score, with the rule (Kpis:HonorRoll)");
        kpis.MapGet("/orders", (IMediator m, [AsParameters] KpiOrdersParameters query, CancellationToken ct) => m.Send(query.ToRequest(), ct))
            .WithName("GetKpiOrders").WithSummary("Drill-down: the orders behind one figure (measure, outcome all|met|missed|exempted, the row's unitId/districtCode/categoryCode, a volume's channel/type, a hot spot's streetCode), as the order list's rows")
            .WithDescription("measure: dispatched, response, resolution, satisfaction, onTimeReply, overdueOpen, unreachable, registered, hotSpot, returns, extensions, reworks. `total` equals the figure the measures routes show for the same period and key (outcome=all: the rate's denominator; met + missed = all). Imported orders never count. See docs/kpis.md, Drill-down.");
        kpis.MapGet("/orders/export", async (IMediator m, [AsParameters] KpiOrdersParameters query, string? format, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportKpiOrders(query.ToRequest(), Parse<ExportFormat>(format, ExportFormat.Xlsx)), ct);
                return TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);
            })
            .WithName("ExportKpiOrders").Produces(StatusCodes.Status200OK, contentType: XlsxTableWriter.ContentType)
            .WithSummary("The drill-down's orders (all pages, at most 10,000) as CSV (UTF-8 with BOM) or XLSX, with whether each met the measure");
        kpis.MapGet("/calls", (DateOnly? from, DateOnly? to, string? groupBy, IMediator m, CancellationToken ct) =>
                m.Send(new GetCallMeasures(from, to, Parse<CallGrouping>(groupBy, CallGrouping.Day)), ct))
            .RequireAuthorization(Policies.Supervisor)
            .WithName("GetCallMeasures").WithSummary("话务指标: offered, answered (within 15 s), answer rate, abandoned (within 5 s, not offered), average speed of answer and handle time, missed-call callbacks, per China-time hour or day or per agent")
            .WithDescription("Supervisor. Inbound calls inside the staffed hours that started in from..to (China dates, inclusive; default this month) and were answered or ended; offered = answered + abandoned − abandoned within 5 s (GB/T 33358); answerRate and within15sRate are over offered. See docs/kpis.md.");
        kpis.MapGet("/calls/export", async (string? format, DateOnly? from, DateOnly? to, string? groupBy, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportCallMeasures(Parse<ExportFormat>(format, ExportFormat.Xlsx), from, to, Parse<CallGrouping>(groupBy, CallGrouping.Day)), ct);
                return TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Supervisor)
            .WithName("ExportCallMeasures").Produces(StatusCodes.Status200OK, contentType: XlsxTableWriter.ContentType)
            .WithSummary("The line's measures as CSV (UTF-8 with BOM) or XLSX, with the same parameters as /api/kpis/calls");
        app.MapGet("/api/kpis/calls/live", (IMediator m, CancellationToken ct) => m.Send(new GetWallboard(), ct))
            .WithTags("Measures").RequireAuthorization(Policies.Dispatcher).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GetWallboard").WithSummary("The wallboard (大屏): callers waiting now and the longest wait, agents by state, today's offered/answered/answer rate/15-second rate/abandoned (as /api/kpis/calls for today), missed-call callbacks pending")
            .WithDescription("Agent and Supervisor. Today is the China day; its figures are computed by the same code as GET /api/kpis/calls. The hub event CallCentreUpdated says when to read it again. See docs/kpis.md, The wallboard.");
        kpis.MapPost("/rebuild", (IMediator m, CancellationToken ct) => m.Send(new RebuildKpiCounts(), ct)).RequireAuthorization(Policies.Admin)
            .WithName("RebuildKpiCounts").WithSummary("Admin: recompute the incrementally maintained measure rows from the orders (after an upgrade or a bulk import); answers the number of rows");
        return app;
    }

    /// <summary>An enum by name, any case (<c>week</c>, <c>Week</c>); a missing value takes the default, an unknown one is a 400.</summary>
    internal static T? ParseOptional<T>(string? value)
        where T : struct, Enum => string.IsNullOrWhiteSpace(value) ? null : Parse<T>(value, null);

    /// <summary>An enum by name, any case (<c>week</c>, <c>Week</c>); a missing value takes the default, an unknown one or a combination (<c>a,b</c>) is a 400.</summary>
    internal static T Parse<T>(string? value, T? fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value) && fallback is { } given)
        {
            return given;
        }

        if (!string.IsNullOrWhiteSpace(value) && char.IsLetter(value[0]) && !value.Contains(',') && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        throw new BadHttpRequestException($"\"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}

/// <summary>The drill-down's query string (<c>/api/kpis/orders</c> and its export).</summary>
internal sealed record KpiOrdersParameters(
    string? Measure,
    string? Outcome,
    DateOnly? From,
    DateOnly? To,
    Guid? UnitId,
    string? DistrictCode,
    string? CategoryCode,
    string? StreetCode,
    string? Channel,
    string? Type,
    int? Page,
    int? PageSize)
{
    public GetKpiOrders ToRequest() => new(
        KpiEndpoints.Parse<KpiMeasure>(Measure, null),
        KpiEndpoints.Parse<KpiOutcome>(Outcome, KpiOutcome.All),
        From,
        To,
        new KpiOrderFilter(UnitId, DistrictCode, CategoryCode, KpiEndpoints.ParseOptional<Channel>(Channel), KpiEndpoints.ParseOptional<TicketType>(Type), StreetCode),
        Page ?? 1,
        PageSize ?? 50);
}
