namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// The terms a category model knows, learned from its training texts (docs/intelligence.md): every term key of
/// <see cref="TextFeaturizer.Counts"/> found in at least <see cref="MinDocumentFrequency"/> training texts (a term of one
/// text only cannot generalise, and dropping them was worth a point of macro-F1 on the benchmark), at most
/// <see cref="MaxTerms"/> (the most frequent), numbered in key order, each with its smoothed inverse document frequency
/// ln((1 + N) / (1 + df)) + 1. A text becomes the vector (1 + ln tf) × idf over its known terms, L2-normalised.
/// Immutable and thread-safe.
/// </summary>
public sealed class TermVocabulary
{
    public const int MinDocumentFrequency = 2;

    public const int MaxTerms = 1 << 20;

    private readonly Dictionary<ulong, int> _index;
    private readonly ulong[] _keys;
    private readonly float[] _idf;

    private TermVocabulary(ulong[] keys, float[] idf)
    {
        (_keys, _idf) = (keys, idf);
        _index = new Dictionary<ulong, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            _index.Add(keys[i], i);
        }
    }

    /// <summary>The number of terms: the dimension of the vectors.</summary>
    public int Count => _keys.Length;

    public bool Contains(ulong key) => _index.ContainsKey(key);

    public float InverseDocumentFrequency(ulong key) => _index.TryGetValue(key, out var i) ? _idf[i] : 0;

    /// <summary>The vocabulary of the training texts' counts; <see cref="InvalidOperationException"/> when they share no term.</summary>
    public static TermVocabulary Learn(IReadOnlyList<IReadOnlyCollection<ulong>> documents, int minDocumentFrequency = MinDocumentFrequency, int maxTerms = MaxTerms)
    {
        var df = new Dictionary<ulong, int>();
        foreach (var document in documents)
        {
            foreach (var key in document)
            {
                df[key] = df.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        var kept = df.Where(kv => kv.Value >= minDocumentFrequency).ToList();
        if (kept.Count > maxTerms)
        {
            kept = kept.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(maxTerms).ToList();
        }

        if (kept.Count == 0)
        {
            throw new InvalidOperationException($"训练文本之间没有共同的字词（每个特征至少要出现在 {minDocumentFrequency} 条工单中）。");
        }

        kept.Sort((a, b) => a.Key.CompareTo(b.Key));
        var total = documents.Count;
        return new TermVocabulary(
            kept.Select(kv => kv.Key).ToArray(),
            kept.Select(kv => MathF.Log((1f + total) / (1f + kv.Value)) + 1f).ToArray());
    }

    /// <summary>The weighted, L2-normalised vector over the known terms: indices ascending, as a sparse ML.NET vector wants them.</summary>
    public (int[] Indices, float[] Values) Vector(Dictionary<ulong, float> counts) => Vector(TermCounts.Of(counts));

    /// <inheritdoc cref="Vector(Dictionary{ulong, float})"/>
    public (int[] Indices, float[] Values) Vector(TermCounts counts)
    {
        var pairs = new List<(int Index, float Value)>(counts.Keys.Length);
        double norm = 0;
        for (var k = 0; k < counts.Keys.Length; k++)
        {
            if (_index.TryGetValue(counts.Keys[k], out var i))
            {
                var v = (1 + MathF.Log(counts.Counts[k])) * _idf[i];
                pairs.Add((i, v));
                norm += v * v;
            }
        }

        pairs.Sort((a, b) => a.Index.CompareTo(b.Index));
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
        var indices = new int[pairs.Count];
        var values = new float[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            (indices[i], values[i]) = (pairs[i].Index, pairs[i].Value * scale);
        }

        return (indices, values);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_keys.Length);
        foreach (var key in _keys)
        {
            writer.Write(key);
        }

        foreach (var v in _idf)
        {
            writer.Write(v);
        }
    }

    /// <summary>A stored vocabulary; <see cref="InvalidDataException"/> when it is not one (empty, too long, keys out of order).</summary>
    public static TermVocabulary Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is <= 0 or > MaxTerms)
        {
            throw new InvalidDataException($"The stored vocabulary has {count} terms.");
        }

        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = reader.ReadUInt64();
            if (i > 0 && keys[i] <= keys[i - 1])
            {
                throw new InvalidDataException("The stored vocabulary is not in key order.");
            }
        }

        var idf = new float[count];
        for (var i = 0; i < count; i++)
        {
            idf[i] = reader.ReadSingle();
        }

        return new TermVocabulary(keys, idf);
    }
}

/// <summary>One text's term keys and raw counts as two arrays: a fifth of the memory of the featurizer's dictionary, for the many texts of a training.</summary>
public readonly record struct TermCounts(ulong[] Keys, float[] Counts)
{
    public static TermCounts Of(Dictionary<ulong, float> counts)
    {
        var keys = new ulong[counts.Count];
        var values = new float[counts.Count];
        var i = 0;
        foreach (var (key, count) in counts)
        {
            (keys[i], values[i]) = (key, count);
            i++;
        }

        return new TermCounts(keys, values);
    }
}
