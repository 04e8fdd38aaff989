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
    private const string ValidFromField = "validFrom";
    private const string ValidToField = "validTo";

    private static readonly FieldType HighlightedText = CreateHighlightedText();

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
            Similarity = new BM25Similarity(),
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

            var query = BuildQuery(plan, request.CategoryCode);
            var filter = new QueryWrapperFilter(BuildFilter(request));
            var top = Math.Clamp(request.Top, 1, MaxTop);
            var found = searcher.Search(query, filter, top);
            var items = new List<IndexHit>(found.ScoreDocs.Length);
            foreach (var scoreDoc in found.ScoreDocs)
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var validTo = doc.GetField(ValidToField)?.GetInt64Value() ?? long.MaxValue;
                items.Add(new IndexHit(
                    Guid.Parse(doc.Get(IdField)),
                    doc.Get(ExternalIdField),
                    doc.Get(TitleField),
                    Snippets.Build(doc.Get(BodyField), MatchedSpans(searcher.IndexReader, scoreDoc.Doc, plan), _ranking.SnippetLength),
                    Enum.Parse<KnowledgeAudience>(doc.Get(AudienceField)),
                    Math.Round(scoreDoc.Score, 3),
                    validTo < request.Now.UtcTicks));
            }

            return new IndexHits(items, found.TotalHits);
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

    private Query BuildQuery(QueryPlan plan, string? categoryCode)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (word, weight) in plan.Words)
        {
            var perWord = new BooleanQuery(disableCoord: true) { Boost = weight };
            perWord.Add(new TermQuery(new Term(TitleField, word)) { Boost = _ranking.TitleBoost }, Occur.SHOULD);
            perWord.Add(new TermQuery(new Term(KeywordsField, word)) { Boost = _ranking.KeywordBoost }, Occur.SHOULD);
            perWord.Add(new TermQuery(new Term(BodyField, word)) { Boost = _ranking.BodyBoost }, Occur.SHOULD);
            query.Add(perWord, Occur.SHOULD);
        }

        if (plan.Bigrams.Count > 0)
        {
            var bigrams = new BooleanQuery(disableCoord: true) { Boost = _ranking.BigramWeight };
            var bodyBigrams = plan.BodyBigrams.ToHashSet(StringComparer.Ordinal);
            foreach (var bigram in plan.Bigrams)
            {
                var perBigram = new BooleanQuery(disableCoord: true);
                perBigram.Add(new TermQuery(new Term(TitleBigrams, bigram)) { Boost = _ranking.TitleBoost }, Occur.SHOULD);
                perBigram.Add(new TermQuery(new Term(KeywordBigrams, bigram)) { Boost = _ranking.KeywordBoost }, Occur.SHOULD);
                if (bodyBigrams.Contains(bigram))
                {
                    perBigram.Add(new TermQuery(new Term(BodyBigrams, bigram)) { Boost = _ranking.BodyBoost }, Occur.SHOULD);
                }

                bigrams.Add(perBigram, Occur.SHOULD);
            }

            query.Add(bigrams, Occur.SHOULD);
        }

        if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            // A boost, never a filter: the agent's category may be wrong, and the right article must still come up.
            var boost = new BooleanQuery(disableCoord: true) { Boost = _ranking.CategoryBoost };
            foreach (var code in CategoryAncestry(categoryCode.Trim()))
            {
                boost.Add(new TermQuery(new Term(CategoryField, code)), Occur.SHOULD);
            }

            var whole = new BooleanQuery(disableCoord: true);
            whole.Add(query, Occur.MUST);
            whole.Add(new ConstantScoreQuery(boost) { Boost = _ranking.CategoryBoost }, Occur.SHOULD);
            return whole;
        }

        return query;
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

    private static Query BuildFilter(IndexQuery request)
    {
        var filter = new BooleanQuery();
        if (request.PublicOnly || request.Audience == KnowledgeAudience.Public)
        {
            filter.Add(new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Public))), Occur.MUST);
        }
        else if (request.RestrictInternalToUnit)
        {
            // A department sees public articles and the internal guides its own unit owns.
            var visible = new BooleanQuery();
            if (request.Audience != KnowledgeAudience.Internal)
            {
                visible.Add(new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Public))), Occur.SHOULD);
            }

            if (request.InternalOwnerUnitId is { } unitId)
            {
                var own = new BooleanQuery
                {
                    { new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Internal))), Occur.MUST },
                    { new TermQuery(new Term(OwnerField, Key(unitId))), Occur.MUST },
                };
                visible.Add(own, Occur.SHOULD);
            }

            if (visible.Clauses.Count == 0)
            {
                visible.Add(new TermQuery(new Term(AudienceField, "none")), Occur.SHOULD);
            }

            filter.Add(visible, Occur.MUST);
        }
        else if (request.Audience == KnowledgeAudience.Internal)
        {
            filter.Add(new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Internal))), Occur.MUST);
        }
        else
        {
            filter.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        if (!request.IncludeExpired)
        {
            var now = request.Now.UtcTicks;
            filter.Add(NumericRangeQuery.NewInt64Range(ValidFromField, null, now, true, true), Occur.MUST);
            filter.Add(NumericRangeQuery.NewInt64Range(ValidToField, now, null, true, true), Occur.MUST);
        }

        return filter;
    }

    /// <summary>Where the query's words occur in the body, from the term vector stored with it (no re-analysis).</summary>
    private static List<(int Start, int End, string Word)> MatchedSpans(IndexReader reader, int docId, QueryPlan plan)
    {
        var spans = new List<(int, int, string)>();
        var vector = reader.GetTermVector(docId, BodyField);
        if (vector is null)
        {
            return spans;
        }

        var terms = vector.GetEnumerator();
        foreach (var word in plan.Words.Keys)
        {
            if (!terms.SeekExact(new Lucene.Net.Util.BytesRef(word)))
            {
                continue;
            }

            var positions = terms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                spans.Add((positions.StartOffset, positions.EndOffset, word));
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

    private static Document ToDocument(IndexedArticle article)
    {
        var keywords = string.Join('；', article.Keywords.Concat(article.Synonyms).Concat(article.Tags).Select(ChineseText.Normalize));
        var title = ChineseText.Normalize(article.Title);
        var doc = new Document
        {
            new StringField(IdField, Key(article.Id), Field.Store.YES),
            new TextField(TitleField, title, Field.Store.YES),
            new TextField(KeywordsField, keywords, Field.Store.NO),
            new Field(BodyField, article.Body, HighlightedText),
            new TextField(TitleBigrams, title, Field.Store.NO),
            new TextField(KeywordBigrams, keywords, Field.Store.NO),
            new TextField(BodyBigrams, ChineseText.Normalize(article.Body), Field.Store.NO),
            new StringField(AudienceField, article.Audience.ToString(), Field.Store.YES),
            new Int64Field(ValidFromField, article.ValidFrom?.UtcTicks ?? long.MinValue, Field.Store.NO),
            new Int64Field(ValidToField, article.ValidTo?.UtcTicks ?? long.MaxValue, Field.Store.YES),
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

    private static FieldType CreateHighlightedText()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            StoreTermVectors = true,
            StoreTermVectorPositions = true,
            StoreTermVectorOffsets = true,
        };
        type.Freeze();
        return type;
    }

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
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>The words a query was searched with: weight 1 for its own words, less for corrections and synonyms.</summary>
public sealed record QueryPlan(IReadOnlyDictionary<string, float> Words, IReadOnlyList<string> Bigrams, IReadOnlyList<string> Corrections, IReadOnlyList<string> Synonyms, IReadOnlyList<string> BodyBigrams);
