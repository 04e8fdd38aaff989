using System.Net;
using System.Text.RegularExpressions;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Callbacks.SweepCallbackSurveys;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.Simulator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using WireMock.Server;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The embedded database without Twilio: surveys run on the local line (本地模拟线路). The same scheduler and sweep
/// record the survey SMS and call with Twilio-shaped sids, nothing reaches Twilio's URL (a WireMock fake stands
/// there and must stay silent), and the simulator, playing the citizen's phone, reads them and answers with signed
/// webhooks: SMS digits, keypad keys, or no answer at all.
/// </summary>
public sealed partial class LocalLineSurveyTests(LocalLineFixture fixture) : ApiTestBase(fixture), IClassFixture<LocalLineFixture>
{
    private readonly LocalLineFixture _line = fixture;

    [Fact]
    public async Task LocalLine_Should_DeliverTheSmsSurveyOnThisMachineAndCloseTheOrder_When_TheCitizenAnswers11()
    {
        _line.Line.ShouldBe(TelephonyLine.Local);
        var phone = NewPhone();
        var ticket = await RepliedAsync(request: Citizen(phone));

        await _line.SweepAsync();
        (await OutboundAsync(phone)).ShouldBeEmpty("the SMS waits for Callbacks:DelayAfterReply");

        _line.Clock.Advance(TimeSpan.FromMinutes(61));
        await Task.WhenAll(_line.SweepAsync(), _line.SweepAsync());
        await _line.SweepAsync();

        var sms = (await OutboundAsync(phone)).ShouldHaveSingleItem();
        sms.ShouldSatisfyAllConditions(
            m => m.Purpose.ShouldBe(SurveyMessage.SurveySms),
            m => Sid().IsMatch(m.Sid!).ShouldBeTrue(m.Sid),
            m => m.Sid!.ShouldStartWith("SM"),
            m => m.Status.ShouldBe("delivered"),
            m => m.Phone.ShouldBe("+86" + phone),
            m => m.Body!.ShouldContain(ticket.Number),
            m => m.Body!.ShouldContain("例如回复11"));
        _line.Twilio.LogEntries.ShouldBeEmpty("the local line sends nothing to Twilio's URL");
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == ticket.Id, "the automated survey is running");

        var (inboxExit, inbox) = await SimulateAsync("simulate-inbox", phone);
        inboxExit.ShouldBe(0);
        inbox.ShouldContain(sms.Sid!);
        inbox.ShouldContain(sms.Body!);
        inbox.ShouldContain($"simulate-sms {phone} 11");

        var (smsExit, answer) = await SimulateAsync("simulate-sms", phone, "11");
        smsExit.ShouldBe(0, answer);
        answer.ShouldContain("短信回复：感谢");

        var closed = await TicketAsync(ticket.Id);
        closed.ShouldSatisfyAllConditions(
            t => t.Status.ShouldBe(TicketStatus.Closed),
            t => t.CloseReason.ShouldBe(CloseReason.CallbackDone),
            t => t.Callback.Outcome.ShouldBe(CallbackOutcome.Satisfied),
            t => t.Callback.Solved.ShouldBe(true),
            t => t.Timeline.Last().ActorUserName.ShouldBe("callback-survey"));
        (await SimulateAsync("simulate-inbox", phone)).Output.ShouldContain("短信 → 12345");
        _line.Twilio.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task LocalLine_Should_SendTheOrderBackForRework_When_TheCitizenAnswers31()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsAsync(phone);

        (await SimulateAsync("simulate-sms", phone, "3", "1")).Exit.ShouldBe(0);

        var reworked = await TicketAsync(ticket.Id);
        reworked.Status.ShouldBe(TicketStatus.Dispatched);
        reworked.ReworkCount.ShouldBe(1);
        reworked.Callback.Outcome.ShouldBe(CallbackOutcome.Dissatisfied);
    }

    [Fact]
    public async Task LocalLine_Should_PlaceTheKeypadCallAndTakeTheKeys_When_TheSmsIsNotAnswered()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsAsync(phone);

        _line.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await _line.SweepAsync();
        await _line.SweepAsync();

        var call = (await OutboundAsync(phone)).Where(m => m.Purpose == SurveyMessage.SurveyCall).ShouldHaveSingleItem();
        call.Sid!.ShouldStartWith("CA");
        Sid().IsMatch(call.Sid).ShouldBeTrue(call.Sid);
        call.Status.ShouldBe("ringing");
        var inbox = (await SimulateAsync("simulate-inbox", phone)).Output;
        inbox.ShouldContain("来电 ← 12345  " + call.Sid);
        inbox.ShouldContain($"simulate-keypad {call.Sid} 11");

        var (exit, output) = await SimulateAsync("simulate-keypad", call.Sid, "21");

        exit.ShouldBe(0, output);
        output.ShouldContain("已解决请按1");
        output.ShouldContain("感谢您的评价");
        var closed = await TicketAsync(ticket.Id);
        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.Callback.Outcome.ShouldBe(CallbackOutcome.BasicallySatisfied);
        closed.Callback.Solved.ShouldBe(true);
        (await OutboundAsync(phone)).Single(m => m.Sid == call.Sid).Status.ShouldBe("completed");
        _line.Twilio.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task LocalLine_Should_HandTheOrderToAPerson_When_TheSurveyCallIsNotAnswered()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsAsync(phone);
        _line.Clock.Advance(TimeSpan.FromHours(25));
        await _line.SweepAsync();
        var callSid = (await OutboundAsync(phone)).Single(m => m.Purpose == SurveyMessage.SurveyCall).Sid!;
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == ticket.Id);

        var (exit, output) = await SimulateAsync("simulate-keypad", callSid);

        exit.ShouldBe(0, output);
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id, "nobody answered the survey call: a person calls back");
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Replied);
        (await OutboundAsync(phone)).Count.ShouldBe(2, "one SMS and one call, nothing more");
    }

    [Fact]
    public async Task LocalLine_Should_HandTheOrderToAPerson_When_TheKeypadCallTimesOut()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsAsync(phone);
        _line.Clock.Advance(TimeSpan.FromHours(25));
        await _line.SweepAsync();

        _line.Clock.Advance(TimeSpan.FromMinutes(16));
        await _line.SweepAsync();

        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id);
    }

    [Fact]
    public async Task Sms_Should_BeAnsweredWithHowToCallTheHotline_When_NoSurveyIsOpenOnTheLocalLine()
    {
        var (exit, output) = await SimulateAsync("simulate-sms", NewPhone(), "路灯坏了");

        exit.ShouldBe(0, output);
        output.ShouldContain("短信回复：【12345热线】本号码暂不受理短信诉求。反映问题、提出建议请拨打12345热线。");
        output.ShouldNotContain("/citizen/", Case.Sensitive, "no public URL is configured");
    }

    [Fact]
    public async Task SimulatedCall_Should_HearTheGreeting_ThenItsPositionAndExpectedWait_OnTheLocalLine()
    {
        var (exit, output) = await SimulateAsync("simulate-call", NewPhone());

        exit.ShouldBe(0, output);
        output.ShouldContain("语音：您好，这里是12345政务服务便民热线。");
        output.ShouldContain("POST /twilio/voice/wait → 200");
        output.ShouldMatch(@"(?s).*语音：(您是下一位来电|您前面还有\d+位来电)，预计等待约\d+分钟，请不要挂机。.*");
        var callSid = System.Text.RegularExpressions.Regex.Match(output, @"simulate-hangup (CA[0-9a-f]{32})").Groups[1].Value;
        (await SimulateAsync("simulate-wait", callSid)).Output.ShouldContain("预计等待约");
        (await SimulateAsync("simulate-hangup", callSid)).Exit.ShouldBe(0);
    }

    [Fact]
    public async Task Simulator_Should_RefuseTheKeypad_When_TheCallIsNotASurveyCallOfTheLocalLine()
    {
        var (exit, output) = await SimulateAsync("simulate-keypad", "CA" + Guid.NewGuid().ToString("N"), "11");

        exit.ShouldBe(1);
        output.ShouldContain("No survey call");
    }

    [Fact]
    public async Task DemoRepliedOrders_Should_WaitForAPersonWithoutAnySurveyMessage_When_TheLocalLineSweeps()
    {
        _line.Clock.Advance(TimeSpan.FromHours(2));
        await _line.SweepAsync();

        await using var scope = _line.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var seeded = await db.Tickets.AsNoTracking().Where(t => t.Citizen.Phone == "15800158010" && t.Status == TicketStatus.Replied).Select(t => t.Id).ToListAsync(Ct);
        seeded.ShouldNotBeEmpty("the demo city has a replied order of 陈女士");
        (await db.SurveyMessages.CountAsync(m => m.Phone == "+8615800158010", Ct)).ShouldBe(0, "no survey to the demo's made-up phones");
        (await DueCallbacksAsync()).Select(t => t.Id).ShouldContain(seeded[0]);
    }

    [Fact]
    public async Task ReadinessProbe_Should_NameTheLocalLine_When_TwilioIsNotConfigured()
    {
        using var anonymous = _line.AnonymousClient();

        var body = await (await anonymous.GetAsync("/health/ready", Ct)).Content.ReadAsStringAsync(Ct);

        body.ShouldContain("\"telephony\"");
        body.ShouldContain("本地模拟线路");
        body.ShouldContain("automated callback surveys on");
    }

    private async Task<TicketDto> RepliedWithSmsAsync(string phone)
    {
        var ticket = await RepliedAsync(request: Citizen(phone));
        _line.Clock.Advance(TimeSpan.FromMinutes(61));
        await _line.SweepAsync();
        (await OutboundAsync(phone)).ShouldHaveSingleItem().Purpose.ShouldBe(SurveyMessage.SurveySms);
        return ticket;
    }

    /// <summary>Runs a simulator command against the in-process API, as the command line would; returns its exit code and what it printed.</summary>
    private async Task<(int Exit, string Output)> SimulateAsync(params string[] args)
    {
        var (command, error) = TelephonySimulator.Parse(args);
        command.ShouldNotBeNull(error);
        using var http = _line.AnonymousClient();
        var token = _line.Factory.Services.GetRequiredService<TwilioCredentials>().WebhookToken!;
        await using var output = new StringWriter();
        var simulator = new PhoneSimulator(http, token, http.BaseAddress!.ToString().TrimEnd('/'), new TwilioOptions(), () => new HotlineDbContext(_line.DatabaseOptions), output);
        var exit = await simulator.RunAsync(command, Ct);
        return (exit, output.ToString());
    }

    private async Task<List<SurveyMessage>> OutboundAsync(string phone)
    {
        await using var db = new HotlineDbContext(_line.DatabaseOptions);
        var messages = await db.SurveyMessages.AsNoTracking()
            .Where(m => m.Phone == "+86" + phone && m.Direction == SurveyMessageDirection.Outbound)
            .ToListAsync(Ct);
        return messages.OrderBy(m => m.CreatedAt).ToList();
    }

    private static RegisterTicketRequest Citizen(string phone) => NewTicket() with { Citizen = new CitizenDto("测试市民", phone, false) };

    private static string NewPhone() => "137" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    [GeneratedRegex("^(SM|CA)[0-9a-f]{32}$")]
    private static partial Regex Sid();
}

/// <summary>
/// The embedded database without Twilio credentials on a fake clock, calling hours round the clock; Twilio's API URL
/// points at a WireMock fake that must receive nothing.
/// </summary>
public sealed class LocalLineFixture() : ApiFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    public WireMockServer Twilio { get; } = FakeTwilio.Start();

    public FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    public TelephonyLine Line => Factory.Services.GetRequiredService<TwilioCredentials>().Line;

    /// <summary>The API's own database options (the simulator opens the same SQLite file).</summary>
    public Microsoft.EntityFrameworkCore.DbContextOptions<HotlineDbContext> DatabaseOptions
    {
        get
        {
            using var scope = Factory.Services.CreateScope();
            var connectionString = scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Database.GetConnectionString()!;
            return DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, connectionString);
        }
    }

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Twilio:ApiBaseUrl"] = Twilio.Url,
        ["Callbacks:Hours"] = "00:00-24:00",
    };

    public async Task<CallbackSweepResult> SweepAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepCallbackSurveys(), TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Stop();
        Twilio.Dispose();
    }
}
