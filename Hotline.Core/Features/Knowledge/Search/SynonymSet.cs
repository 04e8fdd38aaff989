namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// Groups of words callers and articles use for one thing (没水/停水/停止供水, 医保/医疗保险). A query that
/// contains a member also looks for the others. Matching is on the text, not on segmented words, because a
/// colloquial phrase (没水了) is often cut differently from how the group writes it.
/// </summary>
public sealed class SynonymSet
{
    private readonly List<string[]> _groups;

    public SynonymSet(IEnumerable<IEnumerable<string>> groups) =>
        _groups = groups
            .Select(g => g.Select(ChineseText.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .ToList();

    public static SynonymSet Empty { get; } = new([]);

    public int Count => _groups.Count;

    public IEnumerable<string> AllTerms => _groups.SelectMany(g => g);

    /// <summary>
    /// The other members of every group one of whose members occurs in <paramref name="text"/> or equals one of
    /// <paramref name="words"/>. A member inside a longer member that also occurs is not counted on its own
    /// (医疗 in 医疗保险), so a group is entered through its most specific match.
    /// </summary>
    public IReadOnlyList<string> Expand(string text, IReadOnlyCollection<string> words)
    {
        var expansions = new List<string>();
        foreach (var group in _groups)
        {
            var hit = group.Any(m => text.Contains(m, StringComparison.Ordinal) || words.Contains(m));
            if (!hit)
            {
                continue;
            }

            foreach (var member in group)
            {
                if (!text.Contains(member, StringComparison.Ordinal) && !expansions.Contains(member))
                {
                    expansions.Add(member);
                }
            }
        }

        return expansions;
    }

    /// <summary>Parses the seed format: one group a line, members separated by commas (, or ，), # starts a comment.</summary>
    public static List<string[]> Parse(TextReader reader)
    {
        var groups = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            var content = line.Split('#', 2)[0];
            var members = content.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (members.Length > 1)
            {
                groups.Add(members);
            }
        }

        return groups;
    }
}
