using System.Globalization;
using System.Text;
using FluentValidation.Results;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Reference;

namespace Hotline.Core.Features.Citizens;

/// <summary>
/// The attribute rules of an Open311 request, pure (no I/O): every sent attribute must be defined for the service,
/// required ones present, values valid for their datatype; the district comes from <c>attribute[district]</c> or,
/// without it, from the one district the address names; a street must lie in that district.
/// </summary>
public static class Open311Attributes
{
    public static Open311AttributeCheck Check(
        Open311ServiceDefinition definition,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sent,
        ReferenceSnapshot snapshot,
        string? address)
    {
        var errors = new List<ValidationFailure>();
        void Fail(string field, string message) => errors.Add(new ValidationFailure(field, message));

        var byCode = definition.Attributes.ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var code in sent.Keys.Where(c => !byCode.ContainsKey(c)))
        {
            Fail($"attribute[{code}]", $"attribute[{code}] is not defined for service {definition.ServiceCode}.");
        }

        var summary = new StringBuilder();
        var canonical = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var attribute in definition.Attributes)
        {
            var values = sent.TryGetValue(attribute.Code, out var v) ? v.Select(x => x.Trim()).Where(x => x.Length > 0).ToList() : [];
            var field = $"attribute[{attribute.Code}]";
            if (values.Count == 0)
            {
                if (attribute.Required && attribute.Code != Open311Catalogue.DistrictAttribute)
                {
                    Fail(field, $"{field} is required ({attribute.Description}).");
                }

                continue;
            }

            if (attribute.Datatype != "multivaluelist" && values.Count > 1)
            {
                Fail(field, $"{field} takes one value.");
                continue;
            }

            var valid = attribute.Datatype switch
            {
                "singlevaluelist" or "multivaluelist" => values.All(x => attribute.Values.Any(a => a.Key == x)),
                "number" => values.All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)),
                "datetime" => values.All(x => DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
                _ => values.All(x => x.Length <= Open311Catalogue.MaxStringAttributeLength),
            };
            if (!valid)
            {
                Fail(field, $"{field} has a value that is not valid for datatype {attribute.Datatype}.");
                continue;
            }

            canonical[attribute.Code] = attribute.Datatype switch
            {
                "number" => values.Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).ToList(),
                "multivaluelist" => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                _ => values,
            };
            if (attribute.Code is not (Open311Catalogue.DistrictAttribute or Open311Catalogue.StreetAttribute))
            {
                var shown = values.Select(x => attribute.Values.FirstOrDefault(a => a.Key == x)?.Name ?? x);
                summary.Append('；').Append(attribute.Description).Append('：').Append(string.Join('、', shown));
            }
        }

        var district = Single(sent, Open311Catalogue.DistrictAttribute) ?? (address is null ? null : DistrictNamedIn(snapshot.Districts, address));
        if (district is null)
        {
            Fail($"attribute[{Open311Catalogue.DistrictAttribute}]",
                $"attribute[{Open311Catalogue.DistrictAttribute}] is required (a district code: {string.Join(", ", snapshot.Districts.Select(d => d.Code))}) unless address_string names exactly one district.");
            return new Open311AttributeCheck(null, null, summary.ToString(), canonical, errors);
        }

        var street = Single(sent, Open311Catalogue.StreetAttribute);
        if (street is not null && snapshot.StreetsByCode.TryGetValue(street, out var s) && s.DistrictCode != district)
        {
            Fail($"attribute[{Open311Catalogue.StreetAttribute}]", $"attribute[{Open311Catalogue.StreetAttribute}] '{street}' is not in district '{district}'.");
        }

        return new Open311AttributeCheck(district, street, summary.ToString(), canonical, errors);
    }

    /// <summary>Jurisdiction by address: the code of the one district whose name the address mentions; null for none or several.</summary>
    public static string? DistrictNamedIn(IEnumerable<District> districts, string address)
    {
        var named = districts.Where(d => address.Contains(d.Name, StringComparison.Ordinal)).ToList();
        return named.Count == 1 ? named[0].Code : null;
    }

    private static string? Single(IReadOnlyDictionary<string, IReadOnlyList<string>> sent, string code) =>
        sent.TryGetValue(code, out var v) ? v.Select(x => x.Trim()).FirstOrDefault(x => x.Length > 0) : null;
}
