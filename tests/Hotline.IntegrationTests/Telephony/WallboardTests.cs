using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The wallboard (<c>GET /api/kpis/calls/live</c>) against a hand count of webhook flows on the fake clock: one call
/// answered after 10 s, one caller gone after 3 s (not offered), one gone after 30 s (a callback task), two callers still
/// waiting (40 s and 25 s); today's figures equal <c>GET /api/kpis/calls</c> for today; the hub says when to re-read.
/// </summary>
public abstract class WallboardTests(CallCentreFixture fixture) : ApiTestBase(fixture)
{
    private readonly CallCentreFixture _twilio = fixture;

    [Fact]
    public async Task Wallboard_Should_ShowTheLineAsItIs_When_CallsWaitAndEnd()
    {
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");
        await using var listener = await _twilio.ListenForCallsAsync("supervisor");
        var updates = Channel.CreateUnbounded<CallCentreUpdated>();
        listener.Connection.On<CallCentreUpdated>(nameof(IHotlineClient.CallCentreUpdated), u => updates.Writer.TryWrite(u));

        var before = await WallboardAsync(supervisor);
        before.Waiting.ShouldBe(0, "no caller waits before this test");
        before.Today.Offered.ShouldBe(0);
        before.Agents.ShouldContain(a => a.UserName == "agent");

        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900007777"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        (await WallboardAsync(supervisor)).Agents.Single(a => a.UserName == "agent").Status.ShouldBe(AgentPresenceStatus.Available);

        var answered = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(10));
        await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
        (await WallboardAsync(supervisor)).Agents.Single(a => a.UserName == "agent").Status.ShouldBe(AgentPresenceStatus.Busy);
        var quick = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(3));
        await PostAsync(Status(quick, "completed", 2));
        var gaveUp = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(30));
        await PostAsync(Status(gaveUp, "completed", 2));

        while (updates.Reader.TryRead(out _))
        {
        }

        var firstWaiting = await IncomingAsync(NewPhone());
        (await NextUpdateAsync(updates)).ShouldNotBeNull("a new waiting caller is pushed to the wallboard");
        _twilio.Clock.Advance(TimeSpan.FromSeconds(15));
        await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(25));

        var board = await WallboardAsync(supervisor);
        board.Waiting.ShouldBe(2);
        board.LongestWaitSeconds.ShouldBe(40);
        board.LongestWaitSince.ShouldNotBeNull().Offset.ShouldBe(TimeSpan.FromHours(8), "times are shown in China time");
        board.Day.ShouldBe(ChinaTime.DateOf(_twilio.Clock.GetUtcNow()));
        (board.Today.Offered, board.Today.Answered, board.Today.AnsweredWithin15s, board.Today.Abandoned, board.Today.AbandonedWithin5s)
            .ShouldBe((2, 1, 1, 2, 1), "answered 1 (10 s), abandoned 2 of which 1 within 5 s; waiting callers are not counted yet");
        (board.Today.AnswerRate, board.Today.Within15sRate).ShouldBe((0.5, 0.5));
        board.CallbacksPending.ShouldBe(2, "the callers who gave up after 3 s and 30 s (a task, even when not offered)");
        board.Agents.Single(a => a.UserName == "agent").Status.ShouldBe(AgentPresenceStatus.Busy);
        board.Agents.Where(a => a.UserName != "agent").ShouldAllBe(a => a.Status == AgentPresenceStatus.Away);

        var report = await (await supervisor.GetAsync($"/api/kpis/calls?from={board.Day:yyyy-MM-dd}&to={board.Day:yyyy-MM-dd}&groupBy=day", Ct)).ReadAsync<List<CallMeasuresDto>>();
        report.ShouldHaveSingleItem().ShouldBe(board.Today, "the wallboard and the report agree");

        await PostAsync(Status(firstWaiting, "completed", 2));
        await PostAsync(Status(answered, "completed", 3, "60"));
        board = await WallboardAsync(agent);
        (board.Waiting, board.LongestWaitSeconds, board.Today.Abandoned, board.CallbacksPending).ShouldBe((1, 25, 3, 3));
        board.Agents.Single(a => a.UserName == "agent").Status.ShouldBe(AgentPresenceStatus.WrapUp);
    }

    [Fact]
    public async Task Wallboard_Should_BeForAgentsAndSupervisors()
    {
        using var callback = await ClientAsync("callback");
        await (await callback.GetAsync("/api/kpis/calls/live", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var water = await ClientAsync("water");
        await (await water.GetAsync("/api/kpis/calls/live", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<CallCentreUpdated> NextUpdateAsync(Channel<CallCentreUpdated> updates)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        return await updates.Reader.ReadAsync(timeout.Token);
    }

    private static async Task<WallboardDto> WallboardAsync(HttpClient client) =>
        await (await client.GetAsync("/api/kpis/calls/live", Ct)).ReadAsync<WallboardDto>();

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

    public sealed class OnSqlite(SqliteCallCentreFixture fixture) : WallboardTests(fixture), IClassFixture<SqliteCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresCallCentreFixture fixture) : WallboardTests(fixture), IClassFixture<PostgresCallCentreFixture>;
}
