using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Dispatch;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Reference;

/// <summary>
/// All reference data in memory: units, regions, categories, the dispatch catalogue, the SLA table and the
/// statutory calendar. Built once and shared, so hot paths never load reference data per request.
/// </summary>
public sealed class ReferenceSnapshot : IDeadlineSchedule
{
    public ReferenceSnapshot(
        IReadOnlyList<Unit> units,
        IReadOnlyList<District> districts,
        IReadOnlyList<Category> categories,
        IReadOnlyList<DispatchRule> rules,
        IReadOnlyList<SlaPolicy> slaPolicies,
        IReadOnlyList<CalendarDay> calendarDays,
        double warningShare = 0.8)
    {
        WarningShare = warningShare;
        Units = units;
        UnitsById = units.ToDictionary(u => u.Id);
        Districts = districts;
        DistrictsByCode = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        StreetsByCode = districts.SelectMany(d => d.Streets).ToDictionary(s => s.Code, StringComparer.Ordinal);
        Categories = categories;
        CategoriesByCode = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        Rules = rules;
        SlaPolicies = slaPolicies.ToDictionary(p => p.Tier);
        Calendar = new WorkingCalendar(calendarDays);
        Catalogue = new DispatchCatalogue(rules, units, categories);
    }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyDictionary<Guid, Unit> UnitsById { get; }

    public IReadOnlyList<District> Districts { get; }

    public IReadOnlyDictionary<string, District> DistrictsByCode { get; }

    public IReadOnlyDictionary<string, Street> StreetsByCode { get; }

    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyDictionary<string, Category> CategoriesByCode { get; }

    public IReadOnlyList<DispatchRule> Rules { get; }

    public IReadOnlyDictionary<Urgency, SlaPolicy> SlaPolicies { get; }

    public WorkingCalendar Calendar { get; }

    public double WarningShare { get; }

    public DispatchCatalogue Catalogue { get; }

    public bool IsLeafCategory(string code) =>
        CategoriesByCode.TryGetValue(code, out var category) && category.ParentCode is not null;

    public StageDeadlines For(Urgency tier, DateTimeOffset from)
    {
        var policy = SlaPolicies.TryGetValue(tier, out var configured)
            ? configured
            : SlaPolicy.Defaults().Single(p => p.Tier == tier);
        return DeadlineCalculator.For(from, policy, Calendar);
    }
}
