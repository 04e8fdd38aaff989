using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Core.Features.Kpis.ExportKpiTable;
using Hotline.Core.Features.Tickets.ExportTickets;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetKpiOrders;

/// <summary>
/// <c>GET /api/kpis/orders/export?format=csv|xlsx</c> with the drill-down's parameters: its orders (all pages, at most
/// <see cref="ExportTickets.MaxRows"/>) with the order export's columns, whether each met the measure, and when it entered the period.
/// </summary>
public sealed record ExportKpiOrders(GetKpiOrders Query, ExportFormat Format) : IRequest<KpiFile>;

public sealed class ExportKpiOrdersValidator : AbstractValidator<ExportKpiOrders>
{
    public ExportKpiOrdersValidator(IOptions<KpiOptions> options)
    {
        RuleFor(x => x.Query).SetValidator(new GetKpiOrdersValidator(options));
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
    }
}

public sealed class ExportKpiOrdersHandler(KpiOrderFinder finder, HotlineDbContext db, Common.ICurrentUser currentUser, TimeProvider time) : IRequestHandler<ExportKpiOrders, KpiFile>
{
    private const int Chunk = 500;

    public async Task<KpiFile> Handle(ExportKpiOrders request, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var period = KpiPeriod.Resolve(q.From, q.To, time);
        var hits = (await finder.FindAsync(q.Measure, period, q.Filter, cancellationToken))
            .Where(h => GetKpiOrdersHandler.Matches(h, q.Outcome))
            .Take(ExportTickets.MaxRows)
            .ToList();
        var names = await TicketTable.NamesAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var rate = MeasureParts.IsRate(q.Measure);
        TableColumn[] columns = [.. TicketTable.Columns, new("计入时间"), .. rate ? new TableColumn[] { new("是否达标") } : []];
        var table = ExportWatermark.Append(
            new TableData("工单明细", columns, RowsAsync(hits, names, now, rate, cancellationToken)),
            await ExportWatermark.ForAsync(db, currentUser.Actor, now, cancellationToken));
        var name = $"kpi-orders-{q.Measure.ToString().ToLowerInvariant()}-{q.Outcome.ToString().ToLowerInvariant()}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        return KpiFile.Of(table, name, request.Format);
    }

    /// <summary>The hits in their order, read from the orders a chunk at a time while the file is written.</summary>
    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        List<KpiOrderHit> hits, TicketTable names, DateTimeOffset now, bool rate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in hits.Chunk(Chunk))
        {
            var ids = chunk.Select(h => h.TicketId).Distinct().ToList();
            var rows = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(TicketTable.Row).ToDictionaryAsync(r => r.Id, ct);
            foreach (var hit in chunk)
            {
                List<object?> cells = [.. names.Cells(rows[hit.TicketId], now), hit.At];
                if (rate)
                {
                    cells.Add(hit.Exempted ? "豁免" : hit.Met == true ? "达标" : "未达标");
                }

                yield return cells;
            }
        }
    }
}
