using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.ExportKpiTable;

/// <summary><c>GET /api/kpis/export/{table}?format=csv|xlsx</c>: any table of the supervisors' pages as a file, with the same parameters.</summary>
public sealed record ExportKpiTable(
    KpiTable Table,
    ExportFormat Format,
    DateOnly? From,
    DateOnly? To,
    VolumeInterval Interval = VolumeInterval.Day,
    VolumeDimension Dimension = VolumeDimension.Channel,
    DateOnly? Week = null) : IRequest<KpiFile>, IPeriodRequest;

public sealed class ExportKpiTableValidator : AbstractValidator<ExportKpiTable>
{
    public ExportKpiTableValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Table).IsInEnum();
        RuleFor(r => r.Format).IsInEnum();
        RuleFor(r => r.Interval).IsInEnum();
        RuleFor(r => r.Dimension).IsInEnum();
        RuleFor(r => r.Week).Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("日期须在 2000–2100 年之间。");
    }
}

public sealed class ExportKpiTableHandler(MeasureCalculator measures, VolumeCalculator volumes, HotSpotFinder hotSpots, TimeProvider time) : IRequestHandler<ExportKpiTable, KpiFile>
{
    private static readonly TableColumn[] FigureColumns =
    [
        new("派单量", CellKind.Integer), new("按时响应", CellKind.Integer), new("响应超时", CellKind.Integer), new("响应率", CellKind.Rate),
        new("有效回访", CellKind.Integer), new("已解决", CellKind.Integer), new("解决率", CellKind.Rate),
        new("满意", CellKind.Integer), new("基本满意", CellKind.Integer), new("不满意", CellKind.Integer), new("联系不上", CellKind.Integer), new("满意率", CellKind.Rate),
        new("已答复", CellKind.Integer), new("按时答复", CellKind.Integer), new("答复超时", CellKind.Integer), new("超期未答复", CellKind.Integer), new("按时答复率", CellKind.Rate),
        new("综合得分", CellKind.Decimal),
    ];

    public async Task<KpiFile> Handle(ExportKpiTable request, CancellationToken cancellationToken)
    {
        var period = KpiPeriod.Resolve(request.From, request.To, time);
        var (table, name) = request.Table switch
        {
            KpiTable.Units => (Figures("三率-承办单位", "承办单位", (await measures.UnitsAsync(period, cancellationToken)).Select(u => ((object?)u.UnitName, (MeasureFigures)u))), $"units-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}"),
            KpiTable.Districts => (Figures("三率-区", "区", (await measures.GroupsAsync(MeasureDimension.District, period, cancellationToken)).Select(g => ((object?)g.Name, (MeasureFigures)g))), $"districts-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}"),
            KpiTable.Categories => (Figures("三率-诉求类别", "诉求类别", (await measures.GroupsAsync(MeasureDimension.Category, period, cancellationToken)).Select(g => ((object?)g.Name, (MeasureFigures)g))), $"categories-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}"),
            KpiTable.Ranking => (Ranking(await measures.RankingAsync(period, cancellationToken)), $"ranking-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}"),
            KpiTable.Volumes => (Volumes(await volumes.ComputeAsync(period, request.Interval, request.Dimension, cancellationToken)), $"volumes-{request.Dimension}-{request.Interval}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}".ToLowerInvariant()),
            _ => HotSpots(await hotSpots.FindAsync(request.Week ?? ChinaTime.DateOf(time.GetUtcNow()), cancellationToken)),
        };

        return KpiFile.Of(table, name, request.Format);
    }

    private static TableData Figures(string title, string keyHeader, IEnumerable<(object? Name, MeasureFigures F)> rows) => new(
        title,
        [new TableColumn(keyHeader), .. FigureColumns],
        rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Name, r.F.Dispatched, r.F.RespondedOnTime, r.F.ResponseLate, r.F.ResponseRate,
            r.F.Callbacks, r.F.Solved, r.F.ResolutionRate,
            r.F.Satisfied, r.F.BasicallySatisfied, r.F.Dissatisfied, r.F.Unreachable, r.F.SatisfactionRate,
            r.F.Replied, r.F.RepliedOnTime, r.F.ReplyLate, r.F.OverdueOpen, r.F.OnTimeReplyRate, r.F.Score,
        ]).ToAsyncEnumerable());

    private static TableData Ranking(IReadOnlyList<RankingEntryDto> ranking) => new(
        "三率排名",
        [
            new("名次", CellKind.Integer), new("承办单位"), new("综合得分", CellKind.Decimal), new("响应率", CellKind.Rate), new("解决率", CellKind.Rate),
            new("满意率", CellKind.Rate), new("按时答复率", CellKind.Rate), new("派单量", CellKind.Integer), new("有效回访", CellKind.Integer),
        ],
        ranking.Select(r => (IReadOnlyList<object?>)[r.Rank, r.UnitName, r.Score, r.ResponseRate, r.ResolutionRate, r.SatisfactionRate, r.OnTimeReplyRate, r.Dispatched, r.Callbacks]).ToAsyncEnumerable());

    private static TableData Volumes(VolumeReportDto report)
    {
        var columns = new List<TableColumn> { new("时段起") };
        columns.AddRange(report.Series.Select(s => new TableColumn(s.Name, CellKind.Integer)));
        columns.AddRange([new("合计", CellKind.Integer), new("退单申请", CellKind.Integer), new("延期申请", CellKind.Integer), new("重办", CellKind.Integer)]);
        var rows = report.Buckets.Select((bucket, i) =>
        {
            var row = new List<object?> { bucket };
            row.AddRange(report.Series.Select(s => (object?)s.Counts[i]));
            row.AddRange([report.Total[i], report.Returns[i], report.Extensions[i], report.Reworks[i]]);
            return (IReadOnlyList<object?>)row;
        }).ToAsyncEnumerable();
        return new TableData("工单量", columns, rows);
    }

    private static (TableData, string) HotSpots(HotSpotReportDto report)
    {
        var table = new TableData(
            "热点",
            [
                new("区"), new("街道"), new("诉求类别"), new("本周", CellKind.Integer), new($"前{report.PreviousWeeks}周均值", CellKind.Decimal),
                new("倍数", CellKind.Decimal), new("工单编号"),
            ],
            report.Items.Select(h => (IReadOnlyList<object?>)
            [
                h.DistrictName, h.StreetName, h.CategoryName, h.ThisWeek, h.PreviousMean, h.Ratio, string.Join(' ', h.Orders.Select(o => o.Number)),
            ]).ToAsyncEnumerable());
        return (table, $"hotspots-{report.WeekStart:yyyyMMdd}");
    }
}
