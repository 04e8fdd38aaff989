using Hotline.Core.Features.Knowledge.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Shouldly;

namespace Hotline.UnitTests.Knowledge;

public sealed class TermAtATimeScorerTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public TermAtATimeScorerTests()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(ChineseText.Version, new WhitespaceAnalyzer(ChineseText.Version))
        {
            Similarity = TermAtATimeScorer.Bm25Similarity,
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        });
    }

    [Fact]
    public void Search_Should_ScoreAsLucenesBooleanQueryOfBoostedTerms_AcrossSegmentsAndDeletions()
    {
        // Three segments, a deleted document, terms common enough (40+ documents) to be kept decoded and rare ones that are not.
        var random = new Random(7);
        string[] words = ["water", "heat", "fund", "park", "noise", "rare"];
        for (var segment = 0; segment < 3; segment++)
        {
            for (var i = 0; i < 60; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[Math.Min(words.Length - 1, (int)(random.NextDouble() * random.NextDouble() * words.Length))]));
                AddDoc($"{segment}-{i}", text, text.Split(' ')[0]);
            }

            _writer.Commit();
        }

        _writer.DeleteDocuments(new Term("id", "1-3"));
        _writer.Commit();
        using var reader = DirectoryReader.Open(_directory);
        reader.Leaves.Count.ShouldBe(3);
        var searcher = new IndexSearcher(reader) { Similarity = TermAtATimeScorer.Bm25Similarity };
        WeightedTerm[] terms = [new("body", "water", 1f), new("body", "fund", 0.7f), new("title", "water", 3f), new("body", "rare", 0.8f), new("body", "absent", 1f)];

        for (var round = 0; round < 2; round++)
        {
            // The second round reads the postings the first one kept.
            var (top, total) = TermAtATimeScorer.Search(searcher, terms, 20, _ => null, _ => null);

            var expected = searcher.Search(Flat(terms), 20);
            total.ShouldBe(expected.TotalHits);
            top.Select(d => d.Doc).ShouldBe(expected.ScoreDocs.Select(d => d.Doc));
            top.Zip(expected.ScoreDocs).ShouldAllBe(pair => Math.Abs(pair.First.Score - pair.Second.Score) < 1e-4f);
        }
    }

    [Fact]
    public void Search_Should_CountOnlyAcceptedDocuments_AddTheBonus_AndBreakTiesByDocument()
    {
        for (var i = 0; i < 6; i++)
        {
            AddDoc($"d{i}", "water", i % 2 == 0 ? "even" : "odd");
        }

        _writer.Commit();
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader) { Similarity = TermAtATimeScorer.Bm25Similarity };
        WeightedTerm[] water = [new("body", "water", 1f)];

        var (tied, all) = TermAtATimeScorer.Search(searcher, water, 3, _ => null, _ => null);
        all.ShouldBe(6);
        tied.Select(d => d.Doc).ShouldBe([0, 1, 2]);

        var (odd, accepted) = TermAtATimeScorer.Search(searcher, water, 10, segment => doc => segment.Document(doc).Get("title") == "odd", _ => null);
        accepted.ShouldBe(3);
        odd.Select(d => d.Doc).ShouldBe([1, 3, 5]);

        var (boosted, _) = TermAtATimeScorer.Search(searcher, water, 2, _ => null, segment => doc => doc == 4 ? 1.5f : 0f);
        boosted[0].Doc.ShouldBe(4);
        boosted[0].Score.ShouldBe(tied[0].Score + 1.5f, 1e-5f);
    }

    private void AddDoc(string id, string body, string title) => _writer.AddDocument(new Document
    {
        new StringField("id", id, Field.Store.YES),
        new TextField("body", body, Field.Store.NO),
        new TextField("title", title, Field.Store.YES),
    });

    private static BooleanQuery Flat(IEnumerable<WeightedTerm> terms)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var t in terms)
        {
            query.Add(new TermQuery(new Term(t.Field, t.Text)) { Boost = t.Boost }, Occur.SHOULD);
        }

        return query;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}
