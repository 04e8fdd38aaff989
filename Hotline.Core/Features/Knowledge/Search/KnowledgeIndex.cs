using Hotline.Contracts.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// The in-memory Lucene index of published articles on this node (docs/knowledge.md "Search"). Built from the
/// database at start and kept current from the change log; the database stays the source of truth. Searches run
/// concurrently on a near-real-time searcher; writes are serialized.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public const int MaxTop = 50;

    /// <summary>Word occurrences a snippet is chosen among.</summary>
    private const int MaxSnippetSpans = 256;

    /// <summary>Distinct query words and bigrams looked at; a 500-character query stays a bounded query.</summary>
    private const int MaxQueryTerms = 96;

    private const string IdField = "id";
    private const string ExternalIdField = "externalId";
    private const string TitleField = "title";
    private const string KeywordsField = "keywords";
    private const string BodyField = "body";
    private const string TitleBigrams = "title2";
    private const string KeywordBigrams = "keywords2";
    private const string BodyBigrams = "body2";
    private const string AudienceField = "audience";
    private const string OwnerField = "owner";
    private const string CategoryField = "category";
    private const string ValidToField = "validTo";
    private const string AudienceValues = "audienceDv";
    private const string ValidFromValues = "validFromDv";
    private const string ValidToValues = "validToDv";
    private const long PublicValue = 0;

    private readonly KnowledgeRanking _ranking;
    private readonly Analyzer _words = ChineseText.CreateWordAnalyzer();
    private readonly Analyzer _bigrams = ChineseText.CreateBigramAnalyzer();
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeGate = new();
    private volatile QueryVocabulary _vocabulary = QueryVocabulary.Empty;
    private volatile SynonymSet _synonyms = SynonymSet.Empty;

    public KnowledgeIndex(KnowledgeRanking? ranking = null)
    {
        _ranking = ranking ?? KnowledgeRanking.Default;
        var perField = new Dictionary<string, Analyzer>
        {
            [TitleBigrams] = _bigrams,
            [KeywordBigrams] = _bigrams,
            [BodyBigrams] = _bigrams,
        };
        var config = new IndexWriterConfig(ChineseText.Version, new PerFieldAnalyzerWrapper(_words, perField))
        {
            OpenMode = OpenMode.CREATE,
            Similarity = TermAtATimeScorer.Bm25Similarity,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, new Bm25SearcherFactory());
    }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public SynonymSet Synonyms => _synonyms;

    /// <summary>Replaces everything the index holds (start, or a node that fell too far behind the change log).</summary>
    public void Rebuild(IEnumerable<IndexedArticle> articles)
    {
        lock (_writeGate)
        {
            _writer.DeleteAll();
            // Analysis (SmartCn's segmentation) is the cost of a rebuild; IndexWriter accepts documents from several threads.
            Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                article => _writer.AddDocument(ToDocument(article)));
            RefreshLocked();
        }
    }

    /// <summary>Adds or replaces these articles and drops the ids in <paramref name="removed"/>, then makes the change searchable.</summary>
    public void Apply(IEnumerable<IndexedArticle> upserts, IEnumerable<Guid> removed)
    {
        lock (_writeGate)
        {
            foreach (var id in removed)
            {
                _writer.DeleteDocuments(new Term(IdField, Key(id)));
            }

            foreach (var article in upserts)
            {
                _writer.UpdateDocument(new Term(IdField, Key(article.Id)), ToDocument(article));
            }

            RefreshLocked();
        }
    }

    public void SetSynonyms(SynonymSet synonyms)
    {
        lock (_writeGate)
        {
            _synonyms = synonyms;
            RefreshLocked();
        }
    }

    public IndexHits Search(IndexQuery request)
    {
        var text = ChineseText.Normalize(request.Text);
        if (!ChineseText.HasSearchableText(text))
        {
            return new IndexHits([], 0);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var plan = Plan(text, searcher.IndexReader);
            if (plan.Words.Count == 0 && plan.Bigrams.Count == 0)
            {
                return new IndexHits([], 0);
            }

            var top = Math.Clamp(request.Top, 1, MaxTop);
            var (found, total) = TermAtATimeScorer.Search(searcher, WeightedTerms(plan), top, segment => Acceptance(segment, request), segment => CategoryBonus(segment, request.CategoryCode));
            var items = new List<IndexHit>(found.Length);
            var leaves = searcher.IndexReader.Leaves;
            foreach (var hit in found)
            {
                var leaf = leaves[hit.ShardIndex];
                var segment = leaf.AtomicReader;
                var stored = SegmentCache.For(segment).Hit(hit.Doc - leaf.DocBase, doc => LoadHit(segment.Document(doc)));
                items.Add(new IndexHit(
                    stored.Id,
                    stored.ExternalId,
                    stored.Title,
                    Snippets.Build(stored.Body, MatchedSpans(stored.Body, plan), _ranking.SnippetLength),
                    stored.Audience,
                    Math.Round(hit.Score, 3),
                    stored.ValidTo < request.Now.UtcTicks));
            }

            return new IndexHits(items, total);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>What a query becomes: its words (with their weight), the synonyms and homophone corrections they bring, and its bigrams.</summary>
    public QueryPlan Plan(string normalizedText)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Plan(normalizedText, searcher.IndexReader);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private QueryPlan Plan(string normalizedText, IndexReader reader)
    {
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        void Add(string term, float weight)
        {
            // A lone grammar character (不 of 能不能, 没 of 没有) matched on its own makes every article with it a
            // result; the bigram fallback still carries it where it matters (不热, 没水).
            if (words.Count < MaxQueryTerms && !ChineseText.StopWords.Contains(term) && !QueryVocabulary.IsGrammarCharacter(term)
                && (!words.TryGetValue(term, out var w) || w < weight))
            {
                words[term] = weight;
            }
        }

        var (tokens, covered) = WordsWithCoverage(normalizedText);
        foreach (var token in tokens)
        {
            Add(token, 1f);
        }

        var vocabulary = _vocabulary;
        var corrections = vocabulary.Corrections(normalizedText, covered, gram => gram.Length == 2 ? reader.DocFreq(new Term(BodyBigrams, gram)) : 0);
        foreach (var correction in corrections)
        {
            foreach (var term in ChineseText.Terms(_words, BodyField, correction))
            {
                Add(term, _ranking.CorrectionWeight);
            }
        }

        var synonyms = _synonyms.Expand(normalizedText + " " + string.Join(' ', corrections), tokens.Concat(corrections).ToHashSet(StringComparer.Ordinal));
        foreach (var synonym in synonyms)
        {
            foreach (var term in ChineseText.Terms(_words, BodyField, synonym))
            {
                Add(term, _ranking.SynonymWeight);
            }
        }

        var correctionBigrams = corrections.SelectMany(c => ChineseText.Terms(_bigrams, BodyBigrams, c)).ToList();
        var bigrams = ChineseText.Terms(_bigrams, BodyBigrams, normalizedText)
            .Concat(correctionBigrams)
            .Where(b => b.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryTerms)
            .ToList();

        // Bodies are long and share common bigrams: there the fallback only looks for the stretches the words did
        // not cover (unknown words, slips), which keeps the costliest postings out of most queries.
        var uncovered = UncoveredBigrams(normalizedText, covered).Concat(correctionBigrams).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return new QueryPlan(words, bigrams, corrections, synonyms, bigrams.Where(uncovered.Contains).ToList());
    }

    private static IEnumerable<string> UncoveredBigrams(string text, bool[] covered)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if ((!covered[i] || !covered[i + 1]) && ChineseText.IsCjk(text[i]) && ChineseText.IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    private (List<string> Tokens, bool[] Covered) WordsWithCoverage(string text)
    {
        var tokens = new List<string>();
        var covered = new bool[text.Length];
        var vocabulary = _vocabulary;
        using var stream = _words.GetTokenStream(BodyField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            tokens.Add(word);
            if (word.Length > 1 && vocabulary.Contains(word))
            {
                for (var i = offset.StartOffset; i < offset.EndOffset && i < covered.Length; i++)
                {
                    covered[i] = true;
                }
            }
        }

        stream.End();
        return (tokens, covered);
    }

    /// <summary>
    /// The query as a flat sum: each word in the title, keywords and body, each bigram in the title and keywords (and
    /// in the body where the words left it uncovered), with the ranking's boosts multiplied in.
    /// </summary>
    private List<WeightedTerm> WeightedTerms(QueryPlan plan)
    {
        var terms = new List<WeightedTerm>((plan.Words.Count * 3) + (plan.Bigrams.Count * 3));
        foreach (var (word, weight) in plan.Words)
        {
            terms.Add(new WeightedTerm(TitleField, word, weight * _ranking.TitleBoost));
            terms.Add(new WeightedTerm(KeywordsField, word, weight * _ranking.KeywordBoost));
            terms.Add(new WeightedTerm(BodyField, word, weight * _ranking.BodyBoost));
        }

        var bodyBigrams = plan.BodyBigrams.ToHashSet(StringComparer.Ordinal);
        foreach (var bigram in plan.Bigrams)
        {
            terms.Add(new WeightedTerm(TitleBigrams, bigram, _ranking.BigramWeight * _ranking.TitleBoost));
            terms.Add(new WeightedTerm(KeywordBigrams, bigram, _ranking.BigramWeight * _ranking.KeywordBoost));
            if (bodyBigrams.Contains(bigram))
            {
                terms.Add(new WeightedTerm(BodyBigrams, bigram, _ranking.BigramWeight * _ranking.BodyBoost));
            }
        }

        return terms;
    }

    /// <summary>A boost, never a filter: the agent's category may be wrong, and the right article must still come up.</summary>
    private Func<int, float>? CategoryBonus(AtomicReader segment, string? categoryCode)
    {
        if (string.IsNullOrWhiteSpace(categoryCode) || TermAtATimeScorer.Postings(segment, CategoryField, CategoryAncestry(categoryCode.Trim())) is not { } filed)
        {
            return null;
        }

        var boost = _ranking.CategoryBoost;
        return doc => filed.Get(doc) ? boost : 0f;
    }

    /// <summary>sw-ts stands for itself and its group sw (catalogue codes are group-leaf).</summary>
    private static IEnumerable<string> CategoryAncestry(string code)
    {
        yield return code;
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return code[..dash];
        }
    }

    /// <summary>
    /// Who may see a document and whether it is valid now: the public see public articles; a department sees public
    /// articles and the internal guides its own unit owns; expired (or not yet valid) articles only when asked for.
    /// </summary>
    private static Func<int, bool>? Acceptance(AtomicReader segment, IndexQuery request)
    {
        var audience = segment.GetNumericDocValues(AudienceValues);
        Func<int, bool>? visible;
        if (request.PublicOnly || request.Audience == KnowledgeAudience.Public)
        {
            visible = doc => audience.Get(doc) == PublicValue;
        }
        else if (request.RestrictInternalToUnit)
        {
            var publicToo = request.Audience != KnowledgeAudience.Internal;
            var own = request.InternalOwnerUnitId is { } unitId ? TermAtATimeScorer.Postings(segment, OwnerField, [Key(unitId)]) : null;
            visible = doc => audience.Get(doc) == PublicValue ? publicToo : own is not null && own.Get(doc);
        }
        else if (request.Audience == KnowledgeAudience.Internal)
        {
            visible = doc => audience.Get(doc) != PublicValue;
        }
        else
        {
            visible = null;
        }

        if (request.IncludeExpired)
        {
            return visible;
        }

        var now = request.Now.UtcTicks;
        var from = segment.GetNumericDocValues(ValidFromValues);
        var to = segment.GetNumericDocValues(ValidToValues);
        return doc => from.Get(doc) <= now && to.Get(doc) >= now && (visible is null || visible(doc));
    }

    /// <summary>
    /// Where the query's words occur in the body, found in the text itself (ordinal, ignoring case): a hit's snippet
    /// costs no index reads (positions from the postings were a third of a search). At most
    /// <see cref="MaxSnippetSpans"/>, so a very long body stays a bounded snippet.
    /// </summary>
    private static List<(int Start, int End, string Word)> MatchedSpans(string body, QueryPlan plan)
    {
        var spans = new List<(int, int, string)>();
        // A one-character word (租, 住) found by text search would light up inside every longer word (居住); it is
        // marked only when the query has nothing longer to show.
        var longer = plan.Words.Keys.Any(w => w.Length > 1);
        foreach (var word in plan.Words.Keys.Where(w => !longer || w.Length > 1))
        {
            for (var at = body.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0 && spans.Count < MaxSnippetSpans; at = body.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                spans.Add((at, at + word.Length, word));
            }
        }

        return spans;
    }

    private void RefreshLocked()
    {
        _searchers.MaybeRefreshBlocking();
        var searcher = _searchers.Acquire();
        try
        {
            _vocabulary = QueryVocabulary.Build(searcher.IndexReader, [TitleField, KeywordsField, BodyField], _synonyms.AllTerms);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static StoredHit LoadHit(Document doc) => new(
        Guid.Parse(doc.Get(IdField)),
        doc.Get(ExternalIdField),
        doc.Get(TitleField),
        doc.Get(BodyField),
        Enum.Parse<KnowledgeAudience>(doc.Get(AudienceField)),
        doc.GetField(ValidToField)?.GetInt64Value() ?? long.MaxValue);

    private static Document ToDocument(IndexedArticle article)
    {
        var keywords = string.Join('；', article.Keywords.Concat(article.Synonyms).Concat(article.Tags).Select(ChineseText.Normalize));
        var title = ChineseText.Normalize(article.Title);
        var doc = new Document
        {
            new StringField(IdField, Key(article.Id), Field.Store.YES),
            new TextField(TitleField, title, Field.Store.YES),
            new TextField(KeywordsField, keywords, Field.Store.NO),
            new TextField(BodyField, article.Body, Field.Store.YES),
            new TextField(TitleBigrams, title, Field.Store.NO),
            new TextField(KeywordBigrams, keywords, Field.Store.NO),
            new TextField(BodyBigrams, ChineseText.Normalize(article.Body), Field.Store.NO),
            new StringField(AudienceField, article.Audience.ToString(), Field.Store.YES),
            new StoredField(ValidToField, article.ValidTo?.UtcTicks ?? long.MaxValue),
            new NumericDocValuesField(AudienceValues, article.Audience == KnowledgeAudience.Public ? PublicValue : 1),
            new NumericDocValuesField(ValidFromValues, article.ValidFrom?.UtcTicks ?? long.MinValue),
            new NumericDocValuesField(ValidToValues, article.ValidTo?.UtcTicks ?? long.MaxValue),
        };
        if (article.ExternalId is { } externalId)
        {
            doc.Add(new StringField(ExternalIdField, externalId, Field.Store.YES));
        }

        if (article.OwnerUnitId is { } owner)
        {
            doc.Add(new StringField(OwnerField, Key(owner), Field.Store.NO));
        }

        // An article is indexed under its categories and their groups, so an agent who picked only the group (sw)
        // still boosts the articles filed under its leaves (sw-ts).
        foreach (var code in article.CategoryCodes.SelectMany(CategoryAncestry).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(CategoryField, code, Field.Store.NO));
        }

        return doc;
    }

    private static string Key(Guid id) => id.ToString("N");

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _words.Dispose();
        _bigrams.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = TermAtATimeScorer.Bm25Similarity };
    }
}

/// <summary>The words a query was searched with: weight 1 for its own words, less for corrections and synonyms.</summary>
public sealed record QueryPlan(IReadOnlyDictionary<string, float> Words, IReadOnlyList<string> Bigrams, IReadOnlyList<string> Corrections, IReadOnlyList<string> Synonyms, IReadOnlyList<string> BodyBigrams);

