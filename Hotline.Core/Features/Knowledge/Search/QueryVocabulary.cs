using Lucene.Net.Index;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// The words the index really holds (multi-character CJK terms of titles, keywords and bodies, and the synonym
/// groups), grouped by how they sound. A stretch of the query that is not such a word but sounds like one that
/// shares a character with it in the same place is taken as a slip: 公基金 → 公积金, 医报 → 医保, 然气 → 燃气.
/// Rebuilt whenever the index changes, so corrections never point at words no article uses.
/// </summary>
public sealed class QueryVocabulary
{
    private const int MaxWordLength = 4;

    /// <summary>A slip is much rarer than the word it stands for: a stretch found this many times less often may be corrected.</summary>
    private const int RarityFactor = 10;

    /// <summary>Characters of grammar (不, 了, 没…): a stretch that differs from a word only in one of them is the caller's phrasing, not a slip (不发 is not 补发).</summary>
    private static readonly HashSet<char> GrammarCharacters = [.. "不了的是有在和就也都我你他她它这那个吗呢吧啊要会能去来说到没还又把被给让从对很太可以已"];

    /// <summary>A word that is one grammar character alone (不, 没, 很…).</summary>
    public static bool IsGrammarCharacter(string word) => word.Length == 1 && GrammarCharacters.Contains(word[0]);

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, List<string>> _bySound;

    private QueryVocabulary(Dictionary<string, int> words, Dictionary<string, List<string>> bySound) => (_words, _bySound) = (words, bySound);

    public static QueryVocabulary Empty { get; } = new([], []);

    public int Count => _words.Count;

    public bool Contains(string word) => _words.ContainsKey(word);

    public static QueryVocabulary Build(IndexReader reader, IEnumerable<string> fields, IEnumerable<string> extra)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var term = iterator.Term.Utf8ToString();
                if (IsCandidate(term))
                {
                    words[term] = Math.Max(words.GetValueOrDefault(term), iterator.DocFreq);
                }
            }
        }

        foreach (var term in extra.Where(IsCandidate))
        {
            words[term] = Math.Max(words.GetValueOrDefault(term), 1);
        }

        return FromWords(words);
    }

    /// <summary>A vocabulary of these words, each with the number of articles it occurs in.</summary>
    public static QueryVocabulary FromWords(IReadOnlyDictionary<string, int> words)
    {
        var set = words.Where(kv => IsCandidate(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var bySound = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in set.Keys)
        {
            foreach (var key in Homophones.Shared.Keys(word))
            {
                if (!bySound.TryGetValue(key, out var list))
                {
                    bySound[key] = list = [];
                }

                list.Add(word);
            }
        }

        return new QueryVocabulary(set, bySound);
    }

    /// <summary>
    /// Known words that stretches of <paramref name="text"/> were probably meant to be. <paramref name="covered"/>
    /// marks characters already inside a known word of the query, which are never "corrected";
    /// <paramref name="occurrences"/> tells how many articles hold a stretch as it was written (不发 is common
    /// in 不发放, so it is not a slip of 补发).
    /// </summary>
    public IReadOnlyList<string> Corrections(string text, bool[] covered, Func<string, int> occurrences)
    {
        var found = new List<string>();
        for (var length = MaxWordLength; length >= 2; length--)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                var gram = text.Substring(start, length);
                if (!gram.All(ChineseText.IsCjk) || _words.ContainsKey(gram) || AllCovered(covered, start, length))
                {
                    continue;
                }

                var asWritten = -1;

                foreach (var key in Homophones.Shared.Keys(gram))
                {
                    if (!_bySound.TryGetValue(key, out var candidates))
                    {
                        continue;
                    }

                    foreach (var candidate in candidates)
                    {
                        if (found.Contains(candidate) || !SharesCharacterInPlace(gram, candidate) || Differences(gram, candidate) > Math.Max(1, length / 2) || DiffersInGrammar(gram, candidate))
                        {
                            continue;
                        }

                        asWritten = asWritten < 0 ? occurrences(gram) : asWritten;
                        if ((long)asWritten * RarityFactor <= _words[candidate])
                        {
                            found.Add(candidate);
                        }
                    }
                }
            }
        }

        return found;
    }

    private static bool AllCovered(bool[] covered, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (i >= covered.Length || !covered[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool SharesCharacterInPlace(string a, string b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                return true;
            }
        }

        return false;
    }

    private static bool DiffersInGrammar(string gram, string candidate)
    {
        for (var i = 0; i < gram.Length; i++)
        {
            if (gram[i] != candidate[i] && GrammarCharacters.Contains(gram[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Differences(string a, string b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsCandidate(string term) => term.Length is >= 2 and <= MaxWordLength && term.All(ChineseText.IsCjk);
}
