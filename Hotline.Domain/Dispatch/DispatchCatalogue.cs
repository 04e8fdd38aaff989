using Hotline.Contracts;
using Hotline.Domain.Reference;

namespace Hotline.Domain.Dispatch;

/// <summary>
/// The dispatch catalogue (派单目录) as a pure lookup. The most specific matching rule wins: a rule on the
/// leaf category beats one on its parent (职权法定), then a street beats a district beats the whole city
/// (属地管理). When nothing matches but the district is known, the district government takes it (兜底).
/// </summary>
public sealed class DispatchCatalogue
{
    private readonly IReadOnlyList<DispatchRule> _rules;
    private readonly IReadOnlyDictionary<Guid, Unit> _units;
    private readonly IReadOnlyDictionary<string, Category> _categories;

    public DispatchCatalogue(IEnumerable<DispatchRule> rules, IEnumerable<Unit> units, IEnumerable<Category> categories)
    {
        _rules = rules.ToList();
        _units = units.ToDictionary(u => u.Id);
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <param name="excludingUnitId">
    /// A unit that may not take it (the unit whose return was approved): its rules are passed over for the next
    /// matching one, and it is not the fallback either.
    /// </param>
    public DispatchSuggestion? Suggest(string categoryCode, string? districtCode, string? streetCode, Guid? excludingUnitId = null)
    {
        var parentCode = _categories.TryGetValue(categoryCode, out var category) ? category.ParentCode : null;

        var best = _rules
            .Where(r => _units.ContainsKey(r.UnitId) && r.UnitId != excludingUnitId)
            .Select(r => (Rule: r, Score: Score(r, categoryCode, parentCode, districtCode, streetCode)))
            .Where(x => x.Score >= 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Rule.Id)
            .Select(x => x.Rule)
            .FirstOrDefault();

        if (best is not null)
        {
            var unit = _units[best.UnitId];
            var scope = best.StreetCode is not null ? "街道" : best.DistrictCode is not null ? "区" : "全市";
            return new DispatchSuggestion(unit.Id, best.Id, $"派单目录：{best.CategoryCode}（{scope}）→ {unit.Name}");
        }

        var districtGovernment = DistrictGovernmentOf(districtCode);
        return districtGovernment is null || districtGovernment.Id == excludingUnitId
            ? null
            : new DispatchSuggestion(districtGovernment.Id, null, $"派单目录无匹配，属地兜底 → {districtGovernment.Name}");
    }

    /// <summary>An order sent straight to a street office is copied (抄送) to its district government.</summary>
    public Guid? CopyTargetFor(Guid leadUnitId)
    {
        if (!_units.TryGetValue(leadUnitId, out var lead) || lead.Kind != UnitKind.StreetOffice)
        {
            return null;
        }

        if (lead.ParentId is { } parentId && _units.TryGetValue(parentId, out var parent) && parent.Kind == UnitKind.DistrictGovernment)
        {
            return parent.Id;
        }

        return DistrictGovernmentOf(lead.DistrictCode)?.Id;
    }

    private Unit? DistrictGovernmentOf(string? districtCode) => districtCode is null
        ? null
        : _units.Values
            .Where(u => u.Kind == UnitKind.DistrictGovernment && u.DistrictCode == districtCode)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>-1 when the rule does not apply; otherwise higher is more specific.</summary>
    private static int Score(DispatchRule rule, string categoryCode, string? parentCode, string? districtCode, string? streetCode)
    {
        int categoryScore;
        if (rule.CategoryCode == categoryCode)
        {
            categoryScore = 4;
        }
        else if (parentCode is not null && rule.CategoryCode == parentCode)
        {
            categoryScore = 0;
        }
        else
        {
            return -1;
        }

        if (rule.StreetCode is not null)
        {
            return rule.StreetCode == streetCode && (rule.DistrictCode is null || rule.DistrictCode == districtCode)
                ? categoryScore + 2
                : -1;
        }

        if (rule.DistrictCode is not null)
        {
            return rule.DistrictCode == districtCode ? categoryScore + 1 : -1;
        }

        return categoryScore;
    }
}
