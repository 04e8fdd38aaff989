namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// How alike two demands are: the cosine of their shingle sets (<see cref="DemandShingles"/>), each shingle weighted
/// by its rarity among the indexed orders (idf = ln(1 + (N + 1) / (df + 1))), so 小区 or 反映 count little and
/// 井盖 or 噪音 count much. 1 for the same text, 0 for nothing in common; symmetric.
/// </summary>
public static class DemandSimilarity
{
    /// <summary>The weight of a shingle held by <paramref name="documentFrequency"/> of <paramref name="documents"/> orders.</summary>
    public static double Weight(int documentFrequency, int documents) => Math.Log(1.0 + ((documents + 1.0) / (Math.Max(0, documentFrequency) + 1.0)));

    /// <summary>The score of two sorted, distinct shingle arrays, with the weights <paramref name="weight"/> gives.</summary>
    public static double Score(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Func<int, double> weight)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        double shared = 0, normA = 0, normB = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && a[i] < b[j]))
            {
                normA += Square(weight(a[i++]));
            }
            else if (i >= a.Length || b[j] < a[i])
            {
                normB += Square(weight(b[j++]));
            }
            else
            {
                var w = Square(weight(a[i]));
                shared += w;
                normA += w;
                normB += w;
                i++;
                j++;
            }
        }

        return normA <= 0 || normB <= 0 ? 0 : Math.Min(1.0, shared / Math.Sqrt(normA * normB));
    }

    private static double Square(double x) => x * x;
}
