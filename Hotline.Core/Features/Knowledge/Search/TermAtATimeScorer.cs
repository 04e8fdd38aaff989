using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>One weighted term of a flattened query: its field, its text and the product of the boosts above it.</summary>
internal readonly record struct WeightedTerm(string Field, string Text, float Boost);

/// <summary>
/// Scores a flat sum of weighted terms term-at-a-time (docs/knowledge.md "Search cost"): every term's postings are
/// read once into a score per document of the segment, then the accepted documents are counted and the best kept.
/// The scores are Lucene's own BM25 (the same <see cref="BM25Similarity"/> weights and norms a BooleanQuery of
/// TermQuerys with coordination off would sum), without the priority queues a disjunction of nested boolean queries
/// costs per posting: over 10,000 articles whose bodies share most of their words that queue was most of a search.
/// </summary>
internal static class TermAtATimeScorer
{
    private static readonly Bm25 Similarity = new();

    /// <summary>The similarity an <see cref="IndexSearcher"/> must use for its norms to mean what these scores read from them.</summary>
    public static BM25Similarity Bm25Similarity => Similarity;

    /// <param name="accept">Per segment: whether a matching document may be shown (visibility, validity); null accepts all.</param>
    /// <param name="bonus">Per segment: a constant added to a matching document's score (the agent's category); null adds nothing.</param>
    public static (ScoreDoc[] Top, int Total) Search(
        IndexSearcher searcher,
        IReadOnlyList<WeightedTerm> terms,
        int top,
        Func<AtomicReader, Func<int, bool>?> accept,
        Func<AtomicReader, Func<int, float>?> bonus)
    {
        var reader = searcher.IndexReader;
        var leaves = reader.Leaves;
        var segments = new (AtomicReader Reader, SegmentCache Cache, Dictionary<string, TermsEnum?> Terms)[leaves.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = (leaves[i].AtomicReader, SegmentCache.For(leaves[i].AtomicReader), new Dictionary<string, TermsEnum?>(StringComparer.Ordinal));
        }

        var fields = new Dictionary<string, (CollectionStatistics Stats, float[] LengthNorms)>(StringComparer.Ordinal);
        var weighted = new List<(DecodedPostings?[] PerSegment, float Weight, float[] LengthNorms)>(terms.Count);
        foreach (var t in terms)
        {
            var term = new Term(t.Field, t.Text);
            var perSegment = new DecodedPostings?[segments.Length];
            long docFreq = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                var (segment, cache, termsEnums) = segments[i];
                perSegment[i] = cache.Postings(segment, term, termsEnums);
                docFreq += perSegment[i]?.Docs.Length ?? 0;
            }

            if (docFreq == 0)
            {
                continue;
            }

            if (!fields.TryGetValue(t.Field, out var field))
            {
                var stats = searcher.CollectionStatistics(t.Field);
                fields[t.Field] = field = (stats, Similarity.LengthNorms(stats));
            }

            // Lucene's TermStatistics: the document frequency over all segments, deleted documents included (as its idf counts them).
            weighted.Add((perSegment, Similarity.WeightValue(t.Boost, field.Stats, new TermStatistics(term.Bytes, docFreq, -1)), field.LengthNorms));
        }

        if (weighted.Count == 0)
        {
            return ([], 0);
        }

        var best = new TopDocs(top);
        var total = 0;
        for (var s = 0; s < segments.Length; s++)
        {
            var leaf = leaves[s];
            var segment = segments[s].Reader;
            var maxDoc = segment.MaxDoc;
            var scores = ArrayPool<float>.Shared.Rent(maxDoc);
            try
            {
                Array.Clear(scores, 0, maxDoc);
                var any = false;
                foreach (var (perSegment, weight, norms) in weighted)
                {
                    if (perSegment[s] is not { } postings)
                    {
                        continue;
                    }

                    var docs = postings.Docs;
                    var freqs = postings.Freqs;
                    var lengths = postings.Norms;
                    for (var i = 0; i < docs.Length; i++)
                    {
                        // BM25's term score as Lucene computes it (BM25Similarity's doc scorer), in the same float order.
                        var freq = freqs[i];
                        scores[docs[i]] += weight * freq / (freq + norms[lengths[i]]);
                    }

                    any = true;
                }

                if (!any)
                {
                    continue;
                }

                var live = segment.LiveDocs;
                var accepts = accept(segment);
                var adds = bonus(segment);
                for (var doc = 0; doc < maxDoc; doc++)
                {
                    var score = scores[doc];
                    if (score <= 0f || (live is not null && !live.Get(doc)) || (accepts is not null && !accepts(doc)))
                    {
                        continue;
                    }

                    total++;
                    best.Offer(leaf.DocBase + doc, adds is null ? score : score + adds(doc), leaf.Ord);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
            }
        }

        return (best.Sorted(), total);
    }

    /// <summary>The documents a term is in, as a set over the segment (a category, an owner unit).</summary>
    public static FixedBitSet? Postings(AtomicReader segment, string field, IEnumerable<string> texts)
    {
        FixedBitSet? set = null;
        var fieldTerms = segment.GetTerms(field);
        if (fieldTerms is null)
        {
            return null;
        }

        var termsEnum = fieldTerms.GetEnumerator();
        foreach (var text in texts)
        {
            if (!termsEnum.SeekExact(new BytesRef(text)))
            {
                continue;
            }

            set ??= new FixedBitSet(segment.MaxDoc);
            var docs = termsEnum.Docs(segment.LiveDocs, null, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                set.Set(doc);
            }
        }

        return set;
    }

    /// <summary>Lucene's BM25 (k1 1.2, b 0.75) with the parts of its weight a term-at-a-time loop needs opened up.</summary>
    private sealed class Bm25 : BM25Similarity
    {
        /// <summary>k1 × (1 − b + b × length / average length) for each of the 256 encoded lengths (BM25Similarity's cache).</summary>
        public float[] LengthNorms(CollectionStatistics field)
        {
            var average = AvgFieldLength(field);
            var cache = new float[256];
            for (var i = 0; i < cache.Length; i++)
            {
                cache[i] = K1 * ((1 - B) + (B * DecodeNormValue((byte)i) / average));
            }

            return cache;
        }

        /// <summary>idf × boost × (k1 + 1): the doc scorer's weight for a top-level boost of 1.</summary>
        public float WeightValue(float boost, CollectionStatistics field, TermStatistics term) => IdfExplain(field, term).Value * boost * 1f * (K1 + 1);
    }

    /// <summary>The best <c>n</c> by score (each with its segment's ordinal as <see cref="ScoreDoc.ShardIndex"/>), ties to the lower document (as Lucene's collector): a min-heap of n.</summary>
    private sealed class TopDocs(int n)
    {
        private readonly ScoreDoc[] _heap = new ScoreDoc[n];
        private int _count;

        public void Offer(int doc, float score, int leaf)
        {
            if (_count < _heap.Length)
            {
                _heap[_count] = new ScoreDoc(doc, score, leaf);
                SiftUp(_count++);
            }
            else if (Worse(_heap[0], score, doc))
            {
                _heap[0] = new ScoreDoc(doc, score, leaf);
                SiftDown(0);
            }
        }

        public ScoreDoc[] Sorted()
        {
            var result = _heap[.._count];
            Array.Sort(result, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
            return result;
        }

        /// <summary>Whether the kept <paramref name="kept"/> ranks below (score, doc).</summary>
        private static bool Worse(ScoreDoc kept, float score, int doc) => kept.Score < score || (kept.Score == score && kept.Doc > doc);

        private void SiftUp(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Worse(_heap[i], _heap[parent].Score, _heap[parent].Doc))
                {
                    break;
                }

                (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
                i = parent;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                var worst = i;
                foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
                {
                    if (child < _count && Worse(_heap[child], _heap[worst].Score, _heap[worst].Doc))
                    {
                        worst = child;
                    }
                }

                if (worst == i)
                {
                    return;
                }

                (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
                i = worst;
            }
        }
    }
}
