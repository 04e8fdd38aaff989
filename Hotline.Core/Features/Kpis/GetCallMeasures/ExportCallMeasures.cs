using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Core.Features.Kpis.ExportKpiTable;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetCallMeasures;

/// <summary><c>GET /api/kpis/calls/export?format=csv|xlsx</c>: the line's measures as a file, with the same parameters as <c>GET /api/kpis/calls</c>.</summary>
public sealed record ExportCallMeasures(ExportFormat Format, DateOnly? From, DateOnly? To, CallGrouping GroupBy = CallGrouping.Day) : IRequest<KpiFile>, IPeriodRequest;

public sealed class ExportCallMeasuresValidator : AbstractValidator<ExportCallMeasures>
{
    public ExportCallMeasuresValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Format).IsInEnum();
        RuleFor(r => r.GroupBy).IsInEnum();
    }
}

public sealed class ExportCallMeasuresHandler(CallMeasureReader reader, TimeProvider time) : IRequestHandler<ExportCallMeasures, KpiFile>
{
    public async Task<KpiFile> Handle(ExportCallMeasures request, CancellationToken cancellationToken)
    {
        var period = KpiPeriod.Resolve(request.From, request.To, time);
        var rows = await reader.ComputeAsync(period, request.GroupBy, cancellationToken);
        var key = request.GroupBy switch { CallGrouping.Hour => "时段（北京时间）", CallGrouping.Day => "日期", _ => "话务员" };
        var table = new TableData(
            "话务指标",
            [
                new(key), new("姓名"), new("呼入量", CellKind.Integer), new("接通量", CellKind.Integer), new("15秒内接通", CellKind.Integer),
                new("接通率", CellKind.Rate), new("15秒接通率", CellKind.Rate), new("放弃量", CellKind.Integer), new("5秒内放弃", CellKind.Integer),
                new("平均应答时长（秒）", CellKind.Decimal), new("平均通话时长（秒）", CellKind.Decimal), new("漏接回拨", CellKind.Integer), new("回拨接通", CellKind.Integer),
                new("超限来电", CellKind.Integer),
            ],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                r.Key.Length == 0 ? "（未接通）" : r.Key, r.Name, r.Offered, r.Answered, r.AnsweredWithin15s, r.AnswerRate, r.Within15sRate, r.Abandoned, r.AbandonedWithin5s,
                r.AverageSpeedOfAnswerSeconds, r.AverageHandleSeconds, r.CallbacksDone, r.CallbacksReached, r.Limited,
            ]).ToAsyncEnumerable());
        var name = $"calls-{request.GroupBy}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}".ToLowerInvariant();
        return KpiFile.Of(table, name, request.Format);
    }
}
