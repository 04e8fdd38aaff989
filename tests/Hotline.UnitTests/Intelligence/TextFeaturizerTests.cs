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
        words.Keys.ShouldContain(TextFeaturizer.Key("公积金", TextFeaturizer.WordKind));
        words.Keys.ShouldNotContain(TextFeaturizer.Key("怎么", TextFeaturizer.WordKind));
    }

    [Fact]
    public void Vocabulary_Should_KeepTermsOfTwoTextsOrMore_And_WeighRareOnesMore()
    {
        var featurizer = new TextFeaturizer();
        var documents = new[] { "停水停水", "停电", "停水", "电费" }.Select(featurizer.Counts).ToList();
        var vocabulary = TermVocabulary.Learn(documents.Select(d => d.Keys).ToList());

        // 停 (3 texts), 水 (2), 电 (2), 停水 (2); 费, 停电 and 电费 are in one text each and are left out.
        vocabulary.Count.ShouldBe(4);
        vocabulary.Contains(Gram("停电")).ShouldBeFalse();
        vocabulary.Contains(Gram("费")).ShouldBeFalse();
        vocabulary.InverseDocumentFrequency(Gram("停")).ShouldBeLessThan(vocabulary.InverseDocumentFrequency(Gram("电")));

        var (indices, values) = vocabulary.Vector(documents[1]);
        indices.Length.ShouldBe(2);
        indices.ShouldBeInOrder(SortDirection.Ascending);
        indices.ShouldAllBe(i => i >= 0 && i < vocabulary.Count);
        values.Sum(v => (double)v * v).ShouldBe(1, 1e-5);
        values.ShouldAllBe(v => v > 0);
        vocabulary.Vector(featurizer.Counts("完全无关")).Indices.ShouldBeEmpty();
    }

    [Fact]
    public void Vocabulary_Should_KeepTheMostFrequentTerms_When_ThereAreTooMany()
    {
        var featurizer = new TextFeaturizer();
        var documents = new[] { "停水", "停水", "停电", "停电", "停" }.Select(featurizer.Counts).ToList();

        var vocabulary = TermVocabulary.Learn(documents.Select(d => d.Keys).ToList(), minDocumentFrequency: 2, maxTerms: 1);

        vocabulary.Count.ShouldBe(1);
        vocabulary.Contains(Gram("停")).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => TermVocabulary.Learn([featurizer.Counts("停水").Keys, featurizer.Counts("电费").Keys]));
    }

    [Fact]
    public void Vocabulary_Should_SurviveStorage_And_RefuseDamagedBytes()
    {
        var featurizer = new TextFeaturizer();
        var documents = new[] { "停水停电", "停电了", "停水了" }.Select(featurizer.Counts).ToList();
        var vocabulary = TermVocabulary.Learn(documents.Select(d => d.Keys).ToList());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            vocabulary.Write(writer);
        }

        var bytes = stream.ToArray();
        var read = TermVocabulary.Read(new BinaryReader(new MemoryStream(bytes)));
        read.Count.ShouldBe(vocabulary.Count);
        read.Vector(documents[0]).Indices.ShouldBe(vocabulary.Vector(documents[0]).Indices);
        read.Vector(documents[0]).Values.ShouldBe(vocabulary.Vector(documents[0]).Values);

        var empty = bytes.ToArray();
        BitConverter.GetBytes(0).CopyTo(empty, 0);
        Should.Throw<InvalidDataException>(() => TermVocabulary.Read(new BinaryReader(new MemoryStream(empty))));
        var unordered = bytes.ToArray();
        Array.Copy(bytes, 4, unordered, 12, 8);
        Should.Throw<InvalidDataException>(() => TermVocabulary.Read(new BinaryReader(new MemoryStream(unordered))));
    }

    [Fact]
    public void Key_Should_BeStable_And_TellNgramLengthsApart()
    {
        TextFeaturizer.Key("停水", 2).ShouldBe(TextFeaturizer.Key("停水", 2));
        TextFeaturizer.Key("停水", 2).ShouldNotBe(TextFeaturizer.Key("停水", TextFeaturizer.WordKind));
        TextFeaturizer.Key("停水", 2).ShouldNotBe(TextFeaturizer.Key("水停", 2));
    }

    private static ulong Gram(string gram) => TextFeaturizer.Key(gram, (uint)gram.Length);
}
