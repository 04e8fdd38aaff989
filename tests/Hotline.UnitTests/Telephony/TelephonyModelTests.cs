using Hotline.Domain.Telephony;
using Hotline.Core.Features.Callbacks;
using Hotline.Core.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

public sealed class TelephonyModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("11", "11")]
    [InlineData("1 1", "11")]
    [InlineData("1,1", "11")]
    [InlineData("１１", "11")]
    [InlineData(" 3，2 ", "32")]
    [InlineData("2", "2")]
    [InlineData("满意", null)]
    [InlineData("1a", null)]
    [InlineData("", null)]
    public void Digits_Should_ReadTheAnswer_When_ACitizenWritesItTheirWay(string text, string? expected)
    {
        SurveyAnswer.Digits(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("010-12345678", "01012345678")]
    [InlineData("+861012345678", "01012345678")]
    [InlineData("00861012345678", "01012345678")]
    [InlineData("+86 21 6123 4567", "02161234567")]
    [InlineData("+867551234567", "07551234567")]
    [InlineData("+8675512345678", "075512345678")]
    [InlineData("+864001234567", "4001234567")]
    [InlineData("+868001234567", "8001234567")]
    [InlineData("+8612345", "12345")]
    [InlineData("1012345678", "1012345678")]
    [InlineData("", null)]
    public void Normalize_Should_GiveTheNationalDigits_When_APhoneIsWrittenAnyWay(string phone, string? expected)
    {
        PhoneNumbers.Normalize(phone).ShouldBe(expected);
    }

    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("01055501234", "+861055501234")]
    [InlineData("075512345678", "+8675512345678")]
    [InlineData("4001234567", "+864001234567")]
    public void ToE164_Should_BeUndoneByNormalize_When_TwilioSendsTheNumberBack(string national, string e164)
    {
        PhoneNumbers.ToE164(national).ShouldBe(e164);
        PhoneNumbers.Normalize(e164).ShouldBe(national, "a landline Twilio reports matches the one the citizen registered");
    }

    [Fact]
    public void ToE164_Should_AddTheCountryCode_When_ANumberIsNational()
    {
        PhoneNumbers.ToE164("13812345678").ShouldBe("+8613812345678");
        PhoneNumbers.ToE164("01012345678").ShouldBe("+861012345678");
        PhoneNumbers.IsMobile("13812345678").ShouldBeTrue();
        PhoneNumbers.IsMobile("01012345678").ShouldBeFalse();
    }

    [Fact]
    public void WithinHours_Should_WaitForTheMorning_When_TheTimeIsAtNightInChina()
    {
        var options = new CallbackOptions();
        var night = new DateTimeOffset(2026, 11, 24, 22, 30, 0, TimeSpan.FromHours(8));
        var early = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.FromHours(8));
        var day = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

        options.WithinHours(night).ShouldBe(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(8)));
        options.WithinHours(early).ShouldBe(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)));
        options.WithinHours(day).ShouldBe(day);
    }

    [Theory]
    [InlineData("08:00-20:00", true)]
    [InlineData("00:00-24:00", true)]
    [InlineData("20:00-08:00", false)]
    [InlineData("8-20", false)]
    public void Validate_Should_CheckTheCallingHours_When_TheyAreConfigured(string hours, bool valid)
    {
        var options = new CallbackOptions { Hours = hours };
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any().ShouldBe(!valid);
    }

    [Theory]
    [InlineData("00:01:00", "*/1 * * * *", true)]
    [InlineData("00:05:00", "*/5 * * * *", true)]
    [InlineData("01:00:00", "0 * * * *", true)]
    [InlineData("00:07:00", null, false)]
    [InlineData("00:00:30", null, false)]
    public void SweepCron_Should_MatchTheInterval_When_ItDividesAnHour(string interval, string? cron, bool valid)
    {
        var options = new CallbackOptions { SweepInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any().ShouldBe(!valid);
        if (cron is not null)
        {
            options.SweepCron().ShouldBe(cron);
        }
    }

    [Fact]
    public void Incoming_Should_RaiseCallReceived_When_ACallRings()
    {
        var call = Call.Incoming("CA1", "+8613812345678", "+861012345", "ringing", Now);

        call.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CallReceived(call.Id, "CA1", "+8613812345678", Now));
        call.ApplyStatus("in-progress", 1, null, Now.AddSeconds(5));
        call.DomainEvents.Count.ShouldBe(1, "status callbacks ring nobody");
    }

    [Fact]
    public void ApplyStatus_Should_IgnoreOlderCallbacks_When_TheyArriveOutOfOrder()
    {
        var call = Call.Incoming("CA1", "+8613812345678", "+861012345", "ringing", Now);

        call.ApplyStatus("in-progress", 2, null, Now.AddSeconds(5)).ShouldBeTrue();
        call.ApplyStatus("ringing", 1, null, Now.AddSeconds(6)).ShouldBeFalse();
        call.Status.ShouldBe("in-progress");
        call.ApplyStatus("completed", 3, 42, Now.AddMinutes(1)).ShouldBeTrue();
        call.ApplyStatus("in-progress", 4, null, Now.AddMinutes(2)).ShouldBeFalse("a terminal status is final");
        call.ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe("completed"),
            c => c.IsActive.ShouldBeFalse(),
            c => c.DurationSeconds.ShouldBe(42),
            c => c.AnsweredAt.ShouldBe(Now.AddSeconds(5)));
    }

    [Fact]
    public void Twiml_Should_EscapeText_When_ItContainsMarkup()
    {
        var xml = new Twiml().Say("a < b & \"c\"").Message("<Hangup/>").ToString();

        xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        xml.ShouldContain("a &lt; b &amp; \"c\"");
        xml.ShouldContain("<Message>&lt;Hangup/&gt;</Message>");
        xml.ShouldNotContain("<Hangup />");
    }

    [Fact]
    public void Twiml_Should_NestAMandarinPromptInTheGather_When_AKeyIsAsked()
    {
        var xml = new Twiml().Gather("https://h.example/twilio/survey/answer?survey=1&step=solved", "请按1").Redirect("https://h.example/x?a=1&b=2").ToString();

        xml.ShouldContain("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" action=\"https://h.example/twilio/survey/answer?survey=1&amp;step=solved\" method=\"POST\"><Say language=\"cmn-CN\" voice=\"Polly.Zhiyu\">请按1</Say></Gather>");
        xml.ShouldContain("<Redirect method=\"POST\">https://h.example/x?a=1&amp;b=2</Redirect>");
    }

    [Fact]
    public void Validate_Should_RequireTheSenderAndPublicUrl_When_TwilioIsConfigured()
    {
        var options = new TwilioOptions { AccountSid = "AC1", AuthToken = "secret" };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).SelectMany(e => e.MemberNames).ToList();

        errors.ShouldContain(nameof(TwilioOptions.FromNumber));
        errors.ShouldContain(nameof(TwilioOptions.PublicBaseUrl));
        new TwilioOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ShouldBeEmpty();
    }
}
