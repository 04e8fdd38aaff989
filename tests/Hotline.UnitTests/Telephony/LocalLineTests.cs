using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Callbacks;
using Hotline.Core.Features.Callbacks.ScheduleCallbackSurvey;
using Hotline.Core.Telephony;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>Which line surveys go out on, what the local line answers, and the URLs it is handed without a public URL.</summary>
public sealed class LocalLineTests
{
    private static readonly TwilioOptions Live = new() { AccountSid = "AC1", AuthToken = "token-0123456789", FromNumber = "+861012345", PublicBaseUrl = "https://h.example/hotline/" };

    [Theory]
    [InlineData(true, DatabaseProvider.Sqlite, TelephonyLine.Twilio)]
    [InlineData(true, DatabaseProvider.PostgreSql, TelephonyLine.Twilio)]
    [InlineData(false, DatabaseProvider.Sqlite, TelephonyLine.Local)]
    [InlineData(false, DatabaseProvider.PostgreSql, TelephonyLine.None)]
    [InlineData(false, DatabaseProvider.SqlServer, TelephonyLine.None)]
    public void Line_Should_FollowTheWebhookToken_When_TwilioAndTheDatabaseAreConfigured(bool twilio, DatabaseProvider provider, TelephonyLine expected)
    {
        var credentials = Credentials(twilio ? Live : new TwilioOptions(), provider);

        credentials.Line.ShouldBe(expected);
        credentials.IsLiveTwilio.ShouldBe(twilio);
    }

    [Theory]
    [InlineData(TelephonyLine.Twilio, true, true)]
    [InlineData(TelephonyLine.Local, true, true)]
    [InlineData(TelephonyLine.Local, false, false)]
    [InlineData(TelephonyLine.None, true, false)]
    public void IsAutomated_Should_NeedALineAndTheSwitch_When_Asked(TelephonyLine line, bool automated, bool expected)
    {
        var credentials = Credentials(line == TelephonyLine.Twilio ? Live : new TwilioOptions(), line == TelephonyLine.None ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);

        CallbackSurveyScheduler.IsAutomated(credentials, new CallbackOptions { Automated = automated }).ShouldBe(expected);
        TelephonyHealthCheck.Describe(line, automated).ShouldEndWith(expected ? "automated callback surveys on" : "replied orders go to the human callback queue");
    }

    [Fact]
    public async Task LocalLine_Should_AnswerWithTwilioShapedSids_When_ItIsTheLine()
    {
        var line = new LocalLineClient(Credentials(new TwilioOptions(), DatabaseProvider.Sqlite), NullLogger<LocalLineClient>.Instance);

        var sms = await line.SendMessageAsync("+8613800000000", "请回复11", "/twilio/sms/status", TestContext.Current.CancellationToken);
        var call = await line.CreateCallAsync("+8613800000000", "<Response/>", null, TestContext.Current.CancellationToken);
        var again = await line.SendMessageAsync("+8613800000000", "请回复11", null, TestContext.Current.CancellationToken);

        sms.Sid.ShouldMatch("^SM[0-9a-f]{32}$");
        sms.Status.ShouldBe("delivered");
        call.Sid.ShouldMatch("^CA[0-9a-f]{32}$");
        call.Status.ShouldBe("ringing");
        again.Sid.ShouldNotBe(sms.Sid);
    }

    [Fact]
    public async Task LocalLine_Should_Refuse_When_TwilioIsTheLine()
    {
        var line = new LocalLineClient(Credentials(Live, DatabaseProvider.Sqlite), NullLogger<LocalLineClient>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() => line.SendMessageAsync("+8613800000000", "x", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Urls_Should_BeThePathAlone_When_NoPublicUrlIsConfigured()
    {
        var surveyId = Guid.Parse("0b4f6c1e-5d2a-4c1b-9a43-7f3c2e1d0a9b");
        var local = new TelephonyUrls(Options.Create(new TwilioOptions()));
        var live = new TelephonyUrls(Options.Create(Live));

        local.SurveyAction(surveyId, "solved", 2).ShouldBe("/twilio/survey/answer?survey=0b4f6c1e5d2a4c1b9a437f3c2e1d0a9b&step=solved&attempt=2");
        live.SurveyAction(surveyId, "solved", 2).ShouldBe("https://h.example/hotline/twilio/survey/answer?survey=0b4f6c1e5d2a4c1b9a437f3c2e1d0a9b&step=solved&attempt=2");
        local.Absolute(TelephonyUrls.SmsStatus).ShouldBe("/twilio/sms/status");
        local.CitizenForm.ShouldBeNull();
        live.CitizenForm.ShouldBe("https://h.example/hotline/citizen/");
    }

    [Fact]
    public void HowToSubmit_Should_NameTheWebForm_When_ItsAddressIsKnown()
    {
        SurveyAnswer.HowToSubmit("https://12345.example.gov.cn/citizen/").ShouldBe("【12345热线】本号码暂不受理短信诉求。反映问题、提出建议请拨打12345热线，或在网上提交：https://12345.example.gov.cn/citizen/");
        SurveyAnswer.HowToSubmit(null).ShouldBe("【12345热线】本号码暂不受理短信诉求。反映问题、提出建议请拨打12345热线。");
    }

    private static TwilioCredentials Credentials(TwilioOptions twilio, DatabaseProvider provider) =>
        new(Options.Create(twilio), Options.Create(new DatabaseOptions { Provider = provider }), new Env());

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Hotline";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
