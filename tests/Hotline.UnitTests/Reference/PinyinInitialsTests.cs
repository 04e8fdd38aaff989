using Hotline.Core.Features.Reference;
using Shouldly;

namespace Hotline.UnitTests.Reference;

public sealed class PinyinInitialsTests
{
    [Theory]
    [InlineData("停水", "ts")]
    [InlineData("供暖不热", "gnbr")]
    [InlineData("住房公积金", "zfgjj")]
    [InlineData("噪声扰民", "zsrm")]
    [InlineData("违章停车", "wztc")]
    [InlineData("户籍办理", "hjbl")]
    [InlineData("12345热线", "12345rx")]
    public void Of_Should_Give_The_Pinyin_Initials_Of_Common_Hanzi(string name, string expected) =>
        PinyinInitials.Of(name).ShouldBe(expected);

    [Fact]
    public void Of_Should_Skip_Punctuation_And_Characters_Outside_The_Common_Level() =>
        PinyinInitials.Of("供水·排水（堵塞）").ShouldBe("gspsds");
}
