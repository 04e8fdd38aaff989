namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// Groups texts that say the same thing: every pair scoring at least the threshold is joined (union-find), so a
/// cluster is the connected group. Pairs are found through a local inverted index of the texts' shingles; a shingle
/// held by more than <c>max(50, 5 %)</c> of them is not used to find pairs (it would pair everything), but it still
/// counts in the exact score of the pairs found (the common ones weigh little, so a pair far below the threshold
/// without them is not scored).
/// </summary>
public static class SimilarityClusterer
{
    /// <summary>The common shingles left out of the pair search weigh little: a pair whose other shingles reach less than this share of the threshold cannot reach it.</summary>
    private const double MinBoundShare = 0.7;

    /// <summary>The clusters of two or more, as indexes into <paramref name="texts"/>, each sorted ascending.</summary>
    public static List<List<int>> Cluster(IReadOnlyList<int[]> texts, Func<int, double> weight, double threshold)
    {
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var shingle in texts[i])
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
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        var shared = new double[texts.Count];
        var touched = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
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
                        break; // each pair once: the later text looks back
                    }

                    if (shared[j] == 0)
                    {
                        touched.Add(j);
                    }

                    shared[j] += w * w;
                }
            }

            foreach (var j in touched)
            {
                // The shared weight without the common shingles is a lower bound: only a pair near the threshold is scored exactly.
                var bound = shared[j] / Math.Sqrt(Math.Max(norms[i] * norms[j], 1e-12));
                shared[j] = 0;
                if (bound >= MinBoundShare * threshold && Find(parent, i) != Find(parent, j) && DemandSimilarity.Score(texts[i], texts[j], weight) >= threshold)
                {
                    parent[Find(parent, i)] = Find(parent, j);
                }
            }

            touched.Clear();
        }

        return Enumerable.Range(0, texts.Count)
            .GroupBy(i => Find(parent, i))
            .Where(g => g.Count() > 1)
            .Select(g => g.Order().ToList())
            .ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
