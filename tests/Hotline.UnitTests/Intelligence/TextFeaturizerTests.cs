using Hotline.Core.Features.Intelligence;
using Shouldly;

namespace Hotline.UnitTests.Intelligence;

public sealed class TextFeaturizerTests
{
    [Fact]
    public void Characters_Should_FoldWidthCaseDigitsAndPunctuation()
    {
        TextFeaturizer.Characters("  ＡＢＣ小区１２号楼，停水！！  3天  ").ShouldBe("abc小区00号楼 停水 0天");
        TextFeaturizer.Characters("。。。").ShouldBe(string.Empty);
        TextFeaturizer.Characters(null).ShouldBe(string.Empty);
    }

    [Fact]
    public void Counts_Should_TakeCharacterOneToThreeGrams_WithinEachRun()
    {
        var featurizer = new TextFeaturizer();

        // 停水了: 3 unigrams + 2 bigrams + 1 trigram; "停，水" has no n-gram across the comma.
        featurizer.Counts("停水了").Keys.ShouldBe(
            new[] { Gram("停"), Gram("水"), Gram("了"), Gram("停水"), Gram("水了"), Gram("停水了") }.Distinct(), ignoreOrder: true);
        featurizer.Counts("停，水").Keys.ShouldBe(new[] { Gram("停"), Gram("水") }, ignoreOrder: true);
        featurizer.Counts("水水水")[Gram("水")].ShouldBe(3);
    }

    [Fact]
    public void Counts_Should_AddTheSegmentedWords_When_WordsAreOn()
    {
        var chars = new TextFeaturizer().Counts("住房公积金怎么提取");
        var words = new TextFeaturizer(useWords: true).Counts("住房公积金怎么提取");

        words.Count.ShouldBeGreaterThan(chars.Count);
        words.Keys.ShouldContain(TextFeaturizer.Bucket("公积金", 7));
        words.Keys.ShouldNotContain(TextFeaturizer.Bucket("怎么", 7));
    }

    [Fact]
    public void Weigh_Should_GiveAUnitVector_SortedByIndex_WithRareTermsWeighingMore()
    {
        var featurizer = new TextFeaturizer();
        var documents = new[] { "停水停水", "停电", "停水" }.Select(featurizer.Counts).ToList();
        var idf = TextFeaturizer.InverseDocumentFrequency(documents);

        idf[Gram("停")].ShouldBeLessThan(idf[Gram("电")]);
        var (indices, values) = TextFeaturizer.Weigh(documents[1], idf);
        indices.ShouldBeInOrder(SortDirection.Ascending);
        values.Sum(v => (double)v * v).ShouldBe(1, 1e-5);
        values[Array.IndexOf(indices, Gram("电"))].ShouldBeGreaterThan(values[Array.IndexOf(indices, Gram("停"))]);
    }

    [Fact]
    public void Bucket_Should_BeStable_And_TellNgramLengthsApart()
    {
        TextFeaturizer.Bucket("停水", 2).ShouldBe(TextFeaturizer.Bucket("停水", 2));
        TextFeaturizer.Bucket("停水", 2).ShouldNotBe(TextFeaturizer.Bucket("停水", 7));
        TextFeaturizer.Bucket("停水", 2).ShouldBeInRange(0, TextFeaturizer.Dimension - 1);
    }

    private static int Gram(string gram) => TextFeaturizer.Bucket(gram, (uint)gram.Length);
}
