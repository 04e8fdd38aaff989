using System.Text.RegularExpressions;

namespace Hotline.Core.Features.Assist;

/// <summary>
/// Masks the numbers that identify a person before text leaves the process for a large model: ID-card numbers
/// (18 digits with a final X, or the old 15), mobile numbers (with +86, spaces or hyphens), landlines (area code,
/// optional brackets and extension) and any other run of seven or more digits, half- or full-width. Each number
/// becomes a numbered placeholder ([手机号1], [电话1], [身份证号1], [号码1]); one masker numbers every text of one
/// request alike, and <see cref="Restore"/> puts the numbers back into the model's answer, which stays inside.
/// </summary>
public sealed partial class SensitiveNumberMasker
{
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many distinct numbers were masked.</summary>
    public int Count => _originals.Count;

    /// <summary>One text masked; the same number gets the same placeholder every time.</summary>
    public string Mask(string text) => Numbers().Replace(text, match =>
    {
        if (_placeholders.TryGetValue(match.Value, out var known))
        {
            return known;
        }

        var kind = match.Groups["id"].Success ? "身份证号" : match.Groups["mobile"].Success ? "手机号" : match.Groups["landline"].Success ? "电话" : "号码";
        var n = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        var placeholder = $"[{kind}{n}]";
        _placeholders[match.Value] = placeholder;
        _originals[placeholder] = match.Value;
        return placeholder;
    });

    /// <summary>The model's answer with this masker's placeholders turned back into the numbers.</summary>
    public string Restore(string text) => _originals.Count == 0 ? text : Placeholders().Replace(text, m => _originals.GetValueOrDefault(m.Value, m.Value));

    /// <summary>A text masked on its own (no restoring).</summary>
    public static string MaskAll(string text) => new SensitiveNumberMasker().Mask(text);

    // D is a half- or full-width digit; S an optional separator inside a number (space, hyphen, full-width hyphen, dot).
    // Every alternative is bounded by non-digits, so a number is masked whole or not at all.
    [GeneratedRegex("""
        (?<![0-9０-９])(?:
          (?<id>[0-9０-９]{6}[ ]?[0-9０-９]{8}[ ]?[0-9０-９]{3}[0-9０-９XxＸｘ](?![0-9０-９A-Za-z])|[0-9０-９]{15}(?![0-9０-９A-Za-z]))
        | (?<mobile>(?:(?:\+|＋|00|００)?(?:86|８６)[\s\-－]?)?[1１][3-9３-９][0-9０-９](?:[\s\-－.]?[0-9０-９]){8}(?![0-9０-９]))
        | (?<landline>(?:[(（][0０][0-9０-９]{2,3}[)）]|[0０][0-9０-９]{2,3})[\s\-－]?[0-9０-９]{3,4}[\s\-－]?[0-9０-９]{4}(?:[\s\-－]?(?:转|ext\.?|[\-－])[\s]?[0-9０-９]{1,6})?(?![0-9０-９]))
        | (?<long>[0-9０-９](?:[\s\-－.]?[0-9０-９]){6,}(?![0-9０-９]))
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\[(?:身份证号|手机号|电话|号码)[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholders();
}
