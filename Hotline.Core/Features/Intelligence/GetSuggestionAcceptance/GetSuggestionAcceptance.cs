using System.Globalization;
using FluentValidation;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Core.Json;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Intelligence.GetSuggestionAcceptance;

/// <summary>
/// 采纳率 (docs/intelligence.md): of the orders registered (China days from–to) with a suggestion shown, how many kept
/// the category the model put first, per ISO week (Monday to Sunday) and per suggested category, and the pairs
/// suggested → chosen when the agent picked another, most frequent first. Default: the last 12 weeks to today.
/// </summary>
public sealed record GetSuggestionAcceptance(DateOnly? From, DateOnly? To, Guid? ModelId) : IRequest<SuggestionAcceptanceDto>;

public sealed class GetSuggestionAcceptanceValidator : AbstractValidator<GetSuggestionAcceptance>
{
    public GetSuggestionAcceptanceValidator()
    {
        RuleFor(x => x.From).Must(d => d is null || WireDates.Contains(d.Value)).WithMessage(WireDates.Message).OverridePropertyName("from");
        RuleFor(x => x.To).Must(d => d is null || WireDates.Contains(d.Value)).WithMessage(WireDates.Message).OverridePropertyName("to");
        RuleFor(x => x).Must(x => x.From is null || x.To is null || (x.From <= x.To && x.To.Value.DayNumber - x.From.Value.DayNumber <= 731))
            .WithMessage("from 须不晚于 to，且区间不超过两年。").OverridePropertyName("from");
    }
}

public sealed class GetSuggestionAcceptanceHandler(HotlineDbContext db, TimeProvider time, ReferenceDataCache reference)
    : IRequestHandler<GetSuggestionAcceptance, SuggestionAcceptanceDto>
{
    public async Task<SuggestionAcceptanceDto> Handle(GetSuggestionAcceptance request, CancellationToken cancellationToken)
    {
        var to = request.To ?? ChinaTime.DateOf(time.GetUtcNow());
        var from = request.From ?? to.AddDays(-(7 * 12) + 1);
        if (from > to)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("from", "from 须不晚于 to。")]);
        }

        var query = db.Set<CategorySuggestion>().AsNoTracking().Where(s => s.Day >= from && s.Day <= to);
        if (request.ModelId is { } modelId)
        {
            query = query.Where(s => s.ModelId == modelId);
        }

        var rows = await query.GroupBy(s => new { s.Day, s.SuggestedCode, s.ChosenCode })
            .Select(g => new { g.Key.Day, g.Key.SuggestedCode, g.Key.ChosenCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = (await reference.GetAsync(cancellationToken)).CategoriesByCode;
        string Name(string code) => names.TryGetValue(code, out var c) ? c.Name : code;

        var weeks = rows.GroupBy(r => Monday(r.Day))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var (n, ok) = (g.Sum(r => r.Count), g.Where(r => r.SuggestedCode == r.ChosenCode).Sum(r => r.Count));
                return new AcceptanceWeekDto(IsoWeek(g.Key), g.Key, g.Key.AddDays(6), n, ok, Rate(ok, n));
            })
            .ToList();
        var categories = rows.GroupBy(r => r.SuggestedCode)
            .Select(g =>
            {
                var (n, ok) = (g.Sum(r => r.Count), g.Where(r => r.SuggestedCode == r.ChosenCode).Sum(r => r.Count));
                return new AcceptanceCategoryDto(g.Key, Name(g.Key), n, ok, Rate(ok, n));
            })
            .OrderBy(c => c.Rate).ThenByDescending(c => c.Suggested).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var confusion = rows.Where(r => r.SuggestedCode != r.ChosenCode)
            .GroupBy(r => (r.SuggestedCode, r.ChosenCode))
            .Select(g => new ConfusionPairDto(g.Key.SuggestedCode, Name(g.Key.SuggestedCode), g.Key.ChosenCode, Name(g.Key.ChosenCode), g.Sum(r => r.Count)))
            .OrderByDescending(p => p.Count).ThenBy(p => p.SuggestedCode, StringComparer.Ordinal).ThenBy(p => p.ChosenCode, StringComparer.Ordinal)
            .ToList();
        var (total, accepted) = (rows.Sum(r => r.Count), rows.Where(r => r.SuggestedCode == r.ChosenCode).Sum(r => r.Count));
        return new SuggestionAcceptanceDto(from, to, request.ModelId, total, accepted, Rate(accepted, total), weeks, categories, confusion);
    }

    private static double? Rate(int accepted, int suggested) => suggested == 0 ? null : Math.Round((double)accepted / suggested, 4);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>2026-W49: the ISO 8601 week of a Monday.</summary>
    private static string IsoWeek(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}";
    }
}
