using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// 话务指标 from real webhook flows on the fake clock: one call answered after 10 s and talked 60 s, one caller gone
/// after 3 s (not offered), one after 30 s and called back; <c>GET /api/kpis/calls</c> by day and agent, the CSV, bad input.
/// </summary>
public abstract class CallMeasuresTests(CallCentreFixture fixture) : ApiTestBase(fixture)
{
    private readonly CallCentreFixture _twilio = fixture;

    [Fact]
    public async Task Measures_Should_CountTheCallsAsTheyHappened()
    {
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");
        var today = ChinaTime.DateOf(_twilio.Clock.GetUtcNow());
        var range = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        (await MeasuresAsync(supervisor, range + "&groupBy=agent")).ShouldBeEmpty("no calls before this test");
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900008888"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();

        var answered = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(10));
        await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
        _twilio.Clock.Advance(TimeSpan.FromSeconds(60));
        await PostAsync(Status(answered, "completed", 3, "70"));
        var quick = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(3));
        await PostAsync(Status(quick, "completed", 2));
        var gaveUpPhone = NewPhone();
        var gaveUp = await IncomingAsync(gaveUpPhone);
        _twilio.Clock.Advance(TimeSpan.FromSeconds(30));
        await PostAsync(Status(gaveUp, "completed", 2));
        var task = (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).Single(m => m.From == gaveUpPhone);
        await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ReadAsync<MissedCallCallbackResponse>();
        await (await agent.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.Reached, null), Json.Options, Ct)).ReadAsync<MissedCallDto>();

        var days = await MeasuresAsync(supervisor, range + "&groupBy=day");
        (days.Sum(d => d.Offered), days.Sum(d => d.Answered), days.Sum(d => d.AnsweredWithin15s), days.Sum(d => d.Abandoned), days.Sum(d => d.AbandonedWithin5s), days.Sum(d => d.CallbacksDone))
            .ShouldBe((2, 1, 1, 2, 1, 1));
        var agents = (await MeasuresAsync(supervisor, range + "&groupBy=agent")).ToDictionary(a => a.Key);
        var mine = agents["agent"];
        (mine.Answered, mine.AnsweredWithin15s, mine.AverageSpeedOfAnswerSeconds, mine.AverageHandleSeconds, mine.CallbacksDone, mine.CallbacksReached).ShouldBe((1, 1, 10.0, 60.0, 1, 1));
        var unanswered = agents[string.Empty];
        (unanswered.Offered, unanswered.Abandoned, unanswered.AbandonedWithin5s, unanswered.AnswerRate).ShouldBe((1, 2, 1, 0.0));
        (await MeasuresAsync(supervisor, range + "&groupBy=hour")).Sum(h => h.Offered).ShouldBe(2);

        var csv = await supervisor.GetAsync($"/api/kpis/calls/export?format=csv&{range}&groupBy=agent", Ct);
        await csv.ShouldHaveStatusAsync(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition?.FileNameStar.ShouldBe($"calls-agent-{today.AddDays(-1):yyyyMMdd}-{today.AddDays(1):yyyyMMdd}.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("话务员,姓名,呼入量,接通量,15秒内接通,接通率,15秒接通率,放弃量,5秒内放弃,平均应答时长（秒）,平均通话时长（秒）,漏接回拨,回拨接通,超限来电");
        lines.ShouldContain(l => l.StartsWith("agent,", StringComparison.Ordinal) && l.EndsWith(",1,1,1,1,0,0,10,60,1,1,0", StringComparison.Ordinal));
        (await supervisor.GetAsync($"/api/kpis/calls/export?format=xlsx&{range}", Ct)).Content.Headers.ContentType?.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Theory]
    [InlineData("/api/kpis/calls?groupBy=week")]
    [InlineData("/api/kpis/calls?groupBy=1")]
    [InlineData("/api/kpis/calls?from=2026-12-02&to=2026-12-01")]
    [InlineData("/api/kpis/calls?from=0001-01-01&to=2026-12-01")]
    [InlineData("/api/kpis/calls?from=yesterday")]
    [InlineData("/api/kpis/calls/export?format=pdf")]
    [InlineData("/api/kpis/calls/export?groupBy=month")]
    public async Task Measures_Should_Answer400ProblemDetails_When_TheParametersAreBad(string path)
    {
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Measures_Should_BeForSupervisors()
    {
        using var agent = await ClientAsync("agent");
        (await agent.GetAsync("/api/kpis/calls", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await ClientAsync("admin");
        (await admin.GetAsync("/api/kpis/calls/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<List<CallMeasuresDto>> MeasuresAsync(HttpClient supervisor, string query) =>
        await (await supervisor.GetAsync("/api/kpis/calls?" + query, Ct)).ReadAsync<List<CallMeasuresDto>>();

    private async Task<string> IncomingAsync(string phone)
    {
        var callSid = NewCallSid();
        _twilio.AcceptRedirect(callSid);
        await PostAsync(IncomingCall(callSid, phone), "/twilio/voice/incoming");
        await PostAsync(Status(callSid, "in-progress", 1));
        return callSid;
    }

    private async Task PostAsync(List<KeyValuePair<string, string>> form, string path = "/twilio/voice/status") =>
        await (await _twilio.PostWebhookAsync(path, form)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    public sealed class OnSqlite(SqliteCallCentreFixture fixture) : CallMeasuresTests(fixture), IClassFixture<SqliteCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresCallCentreFixture fixture) : CallMeasuresTests(fixture), IClassFixture<PostgresCallCentreFixture>;
}
