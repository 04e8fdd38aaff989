using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>A term's postings in one segment, decoded: the documents, the term's frequency in each and each one's encoded field length.</summary>
internal sealed record DecodedPostings(int[] Docs, float[] Freqs, byte[] Norms);

/// <summary>What a hit shows of its article.</summary>
internal sealed record StoredHit(Guid Id, string? ExternalId, string Title, string Body, Hotline.Contracts.Knowledge.KnowledgeAudience Audience, long ValidTo);

/// <summary>
/// What the knowledge search keeps decoded per index segment (docs/knowledge.md "Search cost"). A segment never
/// changes, so nothing here goes stale: the cache is keyed weakly by the segment's core and leaves with it when a
/// merge or a rebuild drops the segment. Deletions change only the live documents, which are checked on each search.
/// Kept: the encoded field lengths per field, the decoded postings of the terms searched for (and which terms the
/// segment does not have), and the stored fields of documents that were hits (decompressing them cost a sixth of a
/// search).
/// </summary>
internal sealed class SegmentCache
{
    private static readonly ConditionalWeakTable<object, SegmentCache> Segments = new();

    private readonly ConcurrentDictionary<string, byte[]> _norms = new(StringComparer.Ordinal);
    /// <summary>Terms looked up per segment and kept, found or not: enough for every term a base of this size is searched by.</summary>
    private const int MaxTerms = 100_000;

    private readonly ConcurrentDictionary<Term, DecodedPostings?> _postings = new();
    private int _terms;
    private readonly StoredHit?[] _hits;

    private SegmentCache(int maxDoc) => _hits = new StoredHit?[maxDoc];

    public static SegmentCache For(AtomicReader segment) => Segments.GetValue(segment.CoreCacheKey, _ => new SegmentCache(segment.MaxDoc));

    /// <summary>
    /// The term's postings in this segment (deleted documents too: the caller checks), or null when the segment does
    /// not have it. Both answers are kept (up to <see cref="MaxTerms"/> terms a segment): the term dictionary's seek
    /// was the largest cost of a search left, and under concurrency its reads contend on the directory's locks. A
    /// search passes its own <paramref name="termsEnums"/> so that one terms enumerator per field serves its terms.
    /// </summary>
    public DecodedPostings? Postings(AtomicReader segment, Term term, Dictionary<string, TermsEnum?> termsEnums)
    {
        if (_postings.TryGetValue(term, out var cached))
        {
            return cached;
        }

        if (!termsEnums.TryGetValue(term.Field, out var terms))
        {
            termsEnums[term.Field] = terms = segment.GetTerms(term.Field)?.GetEnumerator();
        }

        var decoded = terms is not null && terms.SeekExact(term.Bytes) ? Decode(terms, Norms(segment, term.Field)) : null;
        if (Volatile.Read(ref _terms) < MaxTerms && _postings.TryAdd(term, decoded))
        {
            Interlocked.Increment(ref _terms);
        }

        return decoded;
    }

    public StoredHit Hit(int doc, Func<int, StoredHit> load) => _hits[doc] ??= load(doc);

    private byte[] Norms(AtomicReader segment, string field) => _norms.GetOrAdd(field, f =>
    {
        var values = segment.GetNormValues(f) ?? throw new InvalidOperationException($"the knowledge index's field {f} has no norms");
        var norms = new byte[segment.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = (byte)values.Get(doc);
        }

        return norms;
    });

    private static DecodedPostings Decode(TermsEnum terms, byte[] norms)
    {
        var count = terms.DocFreq;
        var docs = new int[count];
        var freqs = new float[count];
        var lengths = new byte[count];
        var postings = terms.Docs(null, null, DocsFlags.FREQS);
        var n = 0;
        int doc;
        while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS && n < count)
        {
            docs[n] = doc;
            freqs[n] = postings.Freq;
            lengths[n] = norms[doc];
            n++;
        }

        return n == count ? new DecodedPostings(docs, freqs, lengths) : new DecodedPostings(docs[..n], freqs[..n], lengths[..n]);
    }
}
