namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// Groups texts that say the same thing: every pair scoring at least the threshold is joined (union-find), so a
/// cluster is the connected group. Pairs are found through a local inverted index of the texts' shingles; a shingle
/// held by more than <c>max(50, 5 %)</c> of them is not used to find pairs (it would pair everything), but it still
/// counts in the exact score of the pairs found.
/// </summary>
public static class SimilarityClusterer
{
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
                shared[j] = 0;
                if (Find(parent, i) != Find(parent, j) && DemandSimilarity.Score(texts[i], texts[j], weight) >= threshold)
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
