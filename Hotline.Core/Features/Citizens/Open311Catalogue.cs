using Hotline.Core.Features.Reference;

namespace Hotline.Core.Features.Citizens;

/// <summary>
/// The Open311 view of the category catalogue: every leaf category is a service (group = its parent's name).
/// Every service asks for the district (and optionally the street), because dispatch works by district;
/// a few categories ask for one more field their handling units need (<see cref="Extras"/>).
/// </summary>
public static class Open311Catalogue
{
    public const string DistrictAttribute = "district";
    public const string StreetAttribute = "street";
    public const int MaxStringAttributeLength = 500;

    /// <summary>The extra fields, by leaf category code. A category not in the catalogue simply gets none.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Open311Attribute>> Extras = new Dictionary<string, IReadOnlyList<Open311Attribute>>(StringComparer.Ordinal)
    {
        ["hj-zs"] =
        [
            new(true, "noise_period", "singlevaluelist", true, "选择一项", 3, "噪声发生时段",
                [new("day", "白天（6:00–22:00）"), new("night", "夜间（22:00–次日6:00）")]),
        ],
        ["cs-ld"] = [new(true, "pole_number", "string", false, "灯杆上喷涂的编号", 3, "灯杆编号", [])],
        ["jt-dl"] =
        [
            new(true, "damage_size", "singlevaluelist", false, "选择一项", 3, "破损面积",
                [new("small", "小于1平方米"), new("medium", "1至5平方米"), new("large", "大于5平方米")]),
        ],
        ["sw-ts"] = [Households(3)],
        ["dl-td"] = [Households(3)],
        ["rq-tg"] = [Households(3)],
    };

    public static IReadOnlyList<Open311Service> Services(ReferenceSnapshot snapshot)
    {
        var parents = snapshot.Categories.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return snapshot.Categories
            .Where(c => c.ParentCode is not null)
            .OrderBy(c => c.ParentCode, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c =>
            {
                var group = parents.GetValueOrDefault(c.ParentCode!, c.ParentCode!);
                return new Open311Service(c.Code, c.Name, $"{group}：{c.Name}", Metadata: true, "realtime", $"{group},{c.Name}", group);
            })
            .ToList();
    }

    public static Open311ServiceDefinition? Definition(ReferenceSnapshot snapshot, string? serviceCode)
    {
        if (serviceCode is null || !snapshot.IsLeafCategory(serviceCode))
        {
            return null;
        }

        List<Open311Attribute> attributes =
        [
            new(true, DistrictAttribute, "singlevaluelist", true, "选择一项（区县代码）", 1,
                "问题所在区县。未提供时，若 address_string 中含有区县名称则按该区县受理。",
                snapshot.Districts.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new Open311AttributeValue(d.Code, d.Name)).ToList()),
            new(true, StreetAttribute, "singlevaluelist", false, "选择一项（街道代码，须属于所选区县）", 2, "问题所在街道（乡镇）",
                snapshot.Districts.OrderBy(d => d.Code, StringComparer.Ordinal)
                    .SelectMany(d => d.Streets.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new Open311AttributeValue(s.Code, $"{d.Name} {s.Name}")))
                    .ToList()),
        ];
        if (Extras.TryGetValue(serviceCode, out var extras))
        {
            attributes.AddRange(extras);
        }

        return new Open311ServiceDefinition(serviceCode, attributes);
    }

    private static Open311Attribute Households(int order) => new(true, "households", "number", false, "整数", order, "受影响的大致户数", []);
}
