using Hotline.Core.Features.Assist;
using Shouldly;

namespace Hotline.UnitTests.Assist;

public sealed class SensitiveNumberMaskerTests
{
    [Theory]
    [InlineData("我的电话13812345678，请回电", "我的电话[手机号1]，请回电")]
    [InlineData("手机 138 1234 5678", "手机 [手机号1]")]
    [InlineData("手机138-1234-5678。", "手机[手机号1]。")]
    [InlineData("+86 13912345678", "[手机号1]")]
    [InlineData("+8613912345678", "[手机号1]")]
    [InlineData("0086-139-1234-5678", "[手机号1]")]
    [InlineData("１３８１２３４５６７８", "[手机号1]")] // full-width
    [InlineData("电话：19912345678或15012345678", "电话：[手机号1]或[手机号2]")]
    public void Mask_Should_HideMobileNumbers(string text, string expected) => SensitiveNumberMasker.MaskAll(text).ShouldBe(expected);

    [Theory]
    [InlineData("座机010-65123456", "座机[电话1]")]
    [InlineData("座机(010)65123456", "座机[电话1]")]
    [InlineData("座机（0755）1234567", "座机[电话1]")]
    [InlineData("打0755-8765 4321转8012找我", "打[电话1]找我")]
    [InlineData("021 6512 3456", "[电话1]")]
    [InlineData("家里电话65123456", "家里电话[号码1]")] // no area code: still seven or more digits
    [InlineData("小区电话6512345，物业", "小区电话[号码1]，物业")]
    public void Mask_Should_HideLandlines(string text, string expected) => SensitiveNumberMasker.MaskAll(text).ShouldBe(expected);

    [Theory]
    [InlineData("身份证号110101199003074518", "身份证号[身份证号1]")]
    [InlineData("身份证11010119900307451X。", "身份证[身份证号1]。")]
    [InlineData("身份证11010119900307451x", "身份证[身份证号1]")]
    [InlineData("身份证 110101 19900307 4518", "身份证 [身份证号1]")]
    [InlineData("老身份证110101900307451", "老身份证[身份证号1]")]
    [InlineData("银行卡6222020200112233445", "银行卡[号码1]")]
    public void Mask_Should_HideIdCardsAndOtherLongNumbers(string text, string expected) => SensitiveNumberMasker.MaskAll(text).ShouldBe(expected);

    [Theory]
    [InlineData("3号楼2单元501室漏水")]
    [InlineData("12345热线")]
    [InlineData("2026年12月1日下午3点")]
    [InlineData("交了1500元押金，退回300元")]
    [InlineData("京A12345的车乱停")]
    [InlineData("123456")] // six digits: a code, an amount, not a person's number
    [InlineData("")]
    public void Mask_Should_LeaveShortNumbersAlone(string text) => SensitiveNumberMasker.MaskAll(text).ShouldBe(text);

    [Fact]
    public void Mask_Should_NumberEachNumberOnce_AcrossTexts_AndRestoreThem()
    {
        var masker = new SensitiveNumberMasker();

        var first = masker.Mask("请打13812345678或010-65123456");
        var second = masker.Mask("再说一遍：13812345678，身份证110101199003074518");

        first.ShouldBe("请打[手机号1]或[电话1]");
        second.ShouldBe("再说一遍：[手机号1]，身份证[身份证号1]");
        masker.Count.ShouldBe(3);
        masker.Restore("请联系[手机号1]，或拨[电话1]；[手机号9]不是本次的").ShouldBe("请联系13812345678，或拨010-65123456；[手机号9]不是本次的");
    }

    [Fact]
    public void Mask_Should_LeaveNoNumberOfSevenDigits_InAnyText()
    {
        var random = new Random(17);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(6) switch
            {
                0 => " ",
                1 => "-",
                2 => "号",
                3 => "X",
                _ => ((char)('0' + random.Next(10))).ToString(),
            }));

            var masked = SensitiveNumberMasker.MaskAll(text);

            // Digits with at most one space or hyphen between them read as one number.
            var (digits, separators) = (0, 0);
            foreach (var c in masked)
            {
                (digits, separators) = char.IsAsciiDigit(c) ? (digits + 1, 0) : c is ' ' or '-' && separators == 0 ? (digits, 1) : (0, 0);
                digits.ShouldBeLessThan(7, $"'{text}' → '{masked}'");
            }
        }
    }
}
