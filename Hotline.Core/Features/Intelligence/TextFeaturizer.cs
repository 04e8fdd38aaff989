using System.Text;
using Hotline.Core.Features.Knowledge.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// How a citizen's demand becomes the sparse vector the category model reads (docs/intelligence.md). The text is
/// width-folded and lower-cased, every digit becomes 0 and punctuation a break (<see cref="Characters"/>); its
/// character 1–3-grams (within a run, so no n-gram spans punctuation) and, when <see cref="UseWords"/>, the SmartCn
/// words without the function words of spoken Chinese are its terms, each named by a 64-bit key; the vocabulary learned
/// in training (<see cref="TermVocabulary"/>) numbers them and weighs them. Thread-safe.
/// </summary>
public sealed class TextFeaturizer(bool useWords = false)
{
    /// <summary>Bumped whenever the output for the same text changes: a stored model of another format is refused.</summary>
    public const int FormatVersion = 4;

    public const int MaxGram = 3;

    public const uint WordKind = 7;

    private readonly Analyzer _words = ChineseText.CreateWordAnalyzer();

    public bool UseWords { get; } = useWords;

    public static string Characters(string? text)
    {
        var normalized = ChineseText.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            var mapped = char.IsDigit(c) ? '0' : char.IsLetter(c) || ChineseText.IsCjk(c) ? c : ' ';
            if (mapped == ' ')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(mapped);
        }

        return builder.ToString();
    }

    /// <summary>The SmartCn words of the text, stop words left out.</summary>
    public IReadOnlyList<string> Words(string? text)
    {
        var normalized = Characters(text);
        var words = new List<string>();
        if (normalized.Length == 0)
        {
            return words;
        }

        using var stream = _words.GetTokenStream("t", normalized);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(new string(term.Buffer, 0, term.Length));
        }

        stream.End();
        return words;
    }

    /// <summary>Term key → raw count for one text: the term frequencies before the vocabulary and the weighting.</summary>
    public Dictionary<ulong, float> Counts(string? text)
    {
        var counts = new Dictionary<ulong, float>();
        var chars = Characters(text);
        foreach (var run in chars.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var n = 1; n <= MaxGram; n++)
            {
                for (var i = 0; i + n <= run.Length; i++)
                {
                    Add(counts, Key(run.AsSpan(i, n), (uint)n));
                }
            }
        }

        if (UseWords)
        {
            foreach (var word in Words(text))
            {
                Add(counts, Key(word, WordKind));
            }
        }

        return counts;
    }

    /// <summary>64-bit FNV-1a over the characters, seeded by the kind of term (n-gram length, or <see cref="WordKind"/> for a word): a term's name in the vocabulary.</summary>
    public static ulong Key(ReadOnlySpan<char> term, uint kind)
    {
        var hash = 14695981039346656037ul ^ (kind * 1099511628211ul);
        foreach (var c in term)
        {
            hash = (hash ^ (c & 0xFFu)) * 1099511628211ul;
            hash = (hash ^ (uint)(c >> 8)) * 1099511628211ul;
        }

        return hash;
    }

    private static void Add(Dictionary<ulong, float> counts, ulong key) =>
        counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;
}
