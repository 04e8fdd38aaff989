using Hotline.Core.Features.Knowledge;
using Hotline.Core.Features.Knowledge.Search;
using Shouldly;

namespace Hotline.UnitTests.Knowledge;

public sealed class ChineseTextTests
{
    [Fact]
    public void Normalize_Should_FoldWidthCaseAndSpaces()
    {
        ChineseText.Normalize("  ＡＰＰ　里  的\t个税 ").ShouldBe("app 里 的 个税");
    }

    [Fact]
    public void WordAnalyzer_Should_SegmentWords_And_DropTheWordsOfAsking()
    {
        using var analyzer = ChineseText.CreateWordAnalyzer();

        var terms = ChineseText.Terms(analyzer, "body", "我想问一下住房公积金怎么提取");

        terms.ShouldContain("公积金");
        terms.ShouldContain("提取");
        terms.ShouldNotContain("怎么");
        terms.ShouldNotContain("我");
    }

    [Fact]
    public void WordAnalyzer_Should_DropPunctuation_So_ACommaMatchesNothing()
    {
        using var analyzer = ChineseText.CreateWordAnalyzer();

        var terms = ChineseText.Terms(analyzer, "body", "我在外面租房子住，想问问公积金：能取吗？（急）、谢谢！");

        terms.ShouldContain("公积金");
        terms.ShouldAllBe(t => ChineseText.HasSearchableText(t));
    }

    [Fact]
    public void BigramAnalyzer_Should_CutCharacterPairs()
    {
        using var analyzer = ChineseText.CreateBigramAnalyzer();

        ChineseText.Terms(analyzer, "body2", "公积金").ShouldBe(["公积", "积金"]);
    }

    [Theory]
    [InlineData("？！。", false)]
    [InlineData("停水", true)]
    [InlineData("12345", true)]
    public void HasSearchableText_Should_TellPunctuationFromText(string text, bool expected) =>
        ChineseText.HasSearchableText(text).ShouldBe(expected);

    [Theory]
    [InlineData("公积经", "公积金")]
    [InlineData("医报", "医保")]
    [InlineData("养苟", "养狗")]
    [InlineData("然气", "燃气")]
    public void Homophones_Should_GiveSlipAndWordACommonKey(string slip, string word) =>
        Homophones.Shared.Keys(slip).Intersect(Homophones.Shared.Keys(word)).ShouldNotBeEmpty();

    [Fact]
    public void Homophones_Should_NotMatchWordsThatSoundDifferent() =>
        Homophones.Shared.Keys("医保").Intersect(Homophones.Shared.Keys("举报")).ShouldBeEmpty();

    [Fact]
    public void Corrections_Should_OnlyNameWordsOfTheVocabulary_That_AreFarMoreCommonThanTheSlip()
    {
        var vocabulary = QueryVocabulary.FromWords(new Dictionary<string, int> { ["公积金"] = 12, ["医保"] = 9 });

        vocabulary.Corrections("公基金提取", new bool[5], _ => 0).ShouldBe(["公积金"]);
        vocabulary.Corrections("医报", new bool[2], _ => 5).ShouldBeEmpty();
    }

    [Fact]
    public void SynonymSet_Should_ExpandToTheOtherMembers_When_TheTextContainsOne()
    {
        var synonyms = new SynonymSet([["没水", "停水", "停止供水"], ["医保", "医疗保险"]]);

        synonyms.Expand("家里没水了", []).ShouldBe(["停水", "停止供水"]);
        synonyms.Expand("燃气", []).ShouldBeEmpty();
    }

    [Fact]
    public void SeedSynonyms_Should_LoadGroupsOfAtLeastTwoTerms()
    {
        var groups = KnowledgeSetup.LoadSeedSynonyms();

        groups.Count.ShouldBeGreaterThan(100);
        groups.ShouldAllBe(g => g.Length >= 2);
        groups.ShouldContain(g => g.Contains("公积金") && g.Contains("住房公积金"));
    }

    [Fact]
    public void Markdown_Should_NeverCarryScript_When_TheBodyHoldsHtml()
    {
        var html = MarkdownRenderer.ToHtml("**加粗** <script>alert(1)</script> [链接](javascript:alert(1)) <img src=x onerror=alert(1)>");

        html.ShouldContain("<strong>加粗</strong>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("<img");
    }
}
