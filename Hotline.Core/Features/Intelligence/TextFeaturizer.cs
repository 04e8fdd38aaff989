using System.Text;
using Hotline.Core.Features.Knowledge.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// How a citizen's demand becomes the sparse vector the category model reads (docs/intelligence.md). The text is
/// width-folded and lower-cased, every digit becomes 0 and punctuation a break (<see cref="Characters"/>); its
/// character 1–3-grams (within a run, so no n-gram spans punctuation) and, when <see cref="UseWords"/>, the SmartCn
/// words without the function words of spoken Chinese are hashed into <see cref="Dimension"/> buckets, weighted by
/// sublinear term frequency × the inverse document frequency learned in training, and L2-normalised. Thread-safe.
/// </summary>
public sealed class TextFeaturizer(bool useWords = false)
{
    /// <summary>Bumped whenever the output for the same text changes: a stored model of another format is refused.</summary>
    public const int FormatVersion = 2;

    public const int Dimension = 1 << 18;

    public const int MaxGram = 3;

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

    /// <summary>Bucket → raw count for one text: the term frequencies before weighting.</summary>
    public Dictionary<int, float> Counts(string? text)
    {
        var counts = new Dictionary<int, float>();
        var chars = Characters(text);
        foreach (var run in chars.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var n = 1; n <= MaxGram; n++)
            {
                for (var i = 0; i + n <= run.Length; i++)
                {
                    Add(counts, Bucket(run.AsSpan(i, n), (uint)n));
                }
            }
        }

        if (UseWords)
        {
            foreach (var word in Words(text))
            {
                Add(counts, Bucket(word, 7));
            }
        }

        return counts;
    }

    /// <summary>The weighted, L2-normalised vector: indices ascending, as a sparse ML.NET vector wants them.</summary>
    public static (int[] Indices, float[] Values) Weigh(Dictionary<int, float> counts, float[] idf)
    {
        var indices = counts.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        double norm = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            var v = (1 + MathF.Log(counts[indices[i]])) * idf[indices[i]];
            values[i] = v;
            norm += v * v;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }

        return (indices, values);
    }

    /// <summary>Smoothed inverse document frequency per bucket, ln((1 + N) / (1 + df)) + 1, from the training texts' counts.</summary>
    public static float[] InverseDocumentFrequency(IEnumerable<Dictionary<int, float>> documents)
    {
        var df = new int[Dimension];
        var n = 0;
        foreach (var document in documents)
        {
            n++;
            foreach (var bucket in document.Keys)
            {
                df[bucket]++;
            }
        }

        var idf = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            idf[i] = MathF.Log((1f + n) / (1f + df[i])) + 1f;
        }

        return idf;
    }

    /// <summary>FNV-1a over the characters, seeded by the kind of token (n-gram length, or 7 for a word), into a bucket.</summary>
    public static int Bucket(ReadOnlySpan<char> token, uint kind)
    {
        var hash = 2166136261u ^ (kind * 16777619u);
        foreach (var c in token)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }

        return (int)(hash & (Dimension - 1));
    }

    private static void Add(Dictionary<int, float> counts, int bucket) =>
        counts[bucket] = counts.TryGetValue(bucket, out var c) ? c + 1 : 1;
}
