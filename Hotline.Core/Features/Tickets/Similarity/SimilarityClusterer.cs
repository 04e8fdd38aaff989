namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// Groups texts that say the same thing, oldest first, around an original: each text joins the cluster of the
/// earlier original it scores highest with (at least the threshold), or becomes an original itself. Every member is
/// therefore like its original — no chains of "a like b like c" that end in a cluster of unrelated texts. Pairs are
/// found through a local inverted index of the texts' shingles; a shingle held by more than <c>max(50, 5 %)</c> of
/// them is not used to find pairs (it would pair everything) but still counts in the exact score, and a pair whose
/// other shingles reach less than <see cref="MinBoundShare"/> of the threshold is not scored (the common shingles
/// weigh little, so it could hardly reach it).
/// </summary>
public static class SimilarityClusterer
{
    private const double MinBoundShare = 0.7;

    /// <summary>The clusters of two or more, as indexes into <paramref name="texts"/> (oldest first), each sorted ascending; its first is the original.</summary>
    public static List<List<int>> Cluster(IReadOnlyList<int[]> texts, Func<int, double> weight, double threshold)
    {
        var postings = new Dictionary<int, List<int>>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            foreach (var shingle in text)
            {
                if (!postings.TryGetValue(shingle, out var list))
                {
                    postings[shingle] = list = [];
                }

                list.Add(i);
            }
        }

        var common = Math.Max(50, texts.Count / 20);
        var norms = texts.Select(t => t.Sum(s => weight(s) * weight(s))).ToArray();
        var original = new int[texts.Count]; // the original each text belongs to (itself for an original)
        var shared = new double[texts.Count];
        var touched = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            original[i] = i;
            foreach (var shingle in texts[i])
            {
                var list = postings[shingle];
                if (list.Count > common)
                {
                    continue;
                }

                var w = weight(shingle);
                foreach (var j in list)
                {
                    if (j >= i)
                    {
                        break; // only earlier texts
                    }

                    if (original[j] != j)
                    {
                        continue; // only originals gather members
                    }

                    if (shared[j] == 0)
                    {
                        touched.Add(j);
                    }

                    shared[j] += w * w;
                }
            }

            var best = threshold;
            foreach (var j in touched)
            {
                var bound = shared[j] / Math.Sqrt(Math.Max(norms[i] * norms[j], 1e-12));
                shared[j] = 0;
                if (bound >= MinBoundShare * threshold && DemandSimilarity.Score(texts[i], texts[j], weight) is var score && score >= best)
                {
                    (best, original[i]) = (score, j);
                }
            }

            touched.Clear();
        }

        return Enumerable.Range(0, texts.Count)
            .GroupBy(i => original[i])
            .Where(g => g.Count() > 1)
            .Select(g => g.Order().ToList())
            .ToList();
    }
}
