using Hotline.Domain.Tickets;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class CitizenMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("01065123456", "010****3456")]
    [InlineData("010-65123456", "010*****3456")]
    [InlineData("65123456", "651*3456")]
    public void Mask_Should_KeepFirstThreeAndLastFour_When_PhoneIsLongEnough(string phone, string expected)
    {
        Citizen.Mask(phone).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1", "*")]
    [InlineData("1234", "****")]
    public void Mask_Should_HideEverything_When_PhoneHasAtMostFourCharacters(string phone, string expected)
    {
        Citizen.Mask(phone).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Mask_Should_ReturnInput_When_PhoneIsMissing(string? phone)
    {
        Citizen.Mask(phone).ShouldBe(phone);
    }

    [Theory]
    [InlineData("65123456")]
    [InlineData("13812345678")]
    [InlineData("010-65123456")]
    public void Mask_Should_HideAtLeastOneDigit_When_PhoneHasEightOrMoreCharacters(string phone)
    {
        ShouldBeMasked(phone);
    }

    /// <summary>Short local numbers keep only their last two characters, so a department never sees them in full.</summary>
    [Theory]
    [InlineData("12345")]
    [InlineData("123456")]
    [InlineData("6512345")]
    public void Mask_Should_HideAtLeastOneDigit_When_PhoneHasFiveToSevenCharacters(string phone)
    {
        ShouldBeMasked(phone);
    }

    private static void ShouldBeMasked(string phone)
    {
        var masked = Citizen.Mask(phone).ShouldNotBeNull();

        masked.Length.ShouldBe(phone.Length);
        masked.ShouldContain('*', $"a masked phone must not show the whole number {phone}");
        masked.ShouldEndWith(phone.Length >= 8 ? phone[^4..] : phone[^2..]);
    }
}
