using System.Globalization;
using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetHonorRoll;

/// <summary>
/// <c>GET /api/kpis/honor-roll?month=yyyy-MM</c>: the month's 红黄榜 from the ranking (docs/kpis.md). Without a month: the month
/// before until <c>Kpis:HonorRoll:PreviousMonthUntilDay</c> of this month (the last complete one, which is what gets published),
/// then this month so far.
/// </summary>
public sealed record GetHonorRoll(string? Month) : IRequest<HonorRollDto>;

public sealed class GetHonorRollValidator : AbstractValidator<GetHonorRoll>
{
    public GetHonorRollValidator() =>
        RuleFor(r => r.Month)
            .Must(m => m is null || (Parse(m) is { } d && d.Year is >= 2000 and <= 2100))
            .WithMessage("月份格式应为 yyyy-MM（如 2026-11），且在 2000–2100 年之间。")
            .OverridePropertyName("month");

    public static DateOnly? Parse(string month) =>
        month.Length == 7 && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class GetHonorRollHandler(MeasureCalculator calculator, IOptions<KpiOptions> options, TimeProvider time) : IRequestHandler<GetHonorRoll, HonorRollDto>
{
    public async Task<HonorRollDto> Handle(GetHonorRoll request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var rule = o.HonorRoll;
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var first = request.Month is { } m
            ? GetHonorRollValidator.Parse(m)!.Value
            : new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day <= rule.PreviousMonthUntilDay ? -1 : 0);
        var last = first.AddMonths(1).AddDays(-1);
        var complete = last < today;
        var period = new KpiPeriod(first, complete ? last : (today < first ? first : today));

        var ranking = (await calculator.RankingAsync(period, cancellationToken)).Where(r => r.Dispatched >= rule.MinDispatched).ToList();
        var (red, yellow) = Split(ranking, rule);
        var title = $"{first.Year}年{first.Month}月 12345热线承办单位考核红黄榜";
        return new HonorRollDto(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), period.From, period.To, complete, title, ranking.Count, red, yellow,
            new HonorRollRuleDto(rule.MinDispatched, rule.RedCount, rule.RedMinScore, rule.YellowBelowScore, rule.YellowBottomCount,
                o.Weights.Response, o.Weights.Resolution, o.Weights.Satisfaction, o.Weights.OnTimeReply));
    }

    /// <summary>
    /// 红榜: the best <c>RedCount</c> places (all units tied at the last one) scoring at least <c>RedMinScore</c>. 黄榜, worst
    /// first: every unit below <c>YellowBelowScore</c> and the units of the last <c>YellowBottomCount</c> ranks, never one on the 红榜.
    /// </summary>
    public static (IReadOnlyList<RankingEntryDto> Red, IReadOnlyList<RankingEntryDto> Yellow) Split(IReadOnlyList<RankingEntryDto> ranking, HonorRollOptions rule)
    {
        // The listed units keep their places in the full ranking; ranks are recounted among the listed ones only.
        var ranked = new List<RankingEntryDto>(ranking.Count);
        for (var i = 0; i < ranking.Count; i++)
        {
            var rank = i > 0 && ranking[i - 1].Score == ranking[i].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ranking[i] with { Rank = rank });
        }

        var red = ranked.Where(r => r.Rank <= rule.RedCount && r.Score >= rule.RedMinScore).ToList();
        // The last N places: fewer than N units rank below it (r.Rank − 1 units rank above it).
        var yellow = ranked
            .Where(r => !red.Contains(r) && (r.Score < rule.YellowBelowScore || r.Rank - 1 >= ranked.Count - rule.YellowBottomCount))
            .OrderBy(r => r.Score).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        return (red, yellow);
    }
}
