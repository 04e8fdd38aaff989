using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Callbacks;
using Hotline.Contracts.Telephony;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Callbacks;

/// <summary>
/// The callback desk over HTTP: 不满意原因 (required with 不满意, kept, counted), unreached calls that send the order back
/// to the queue later and close it as 联系不上 after the last attempt, the 回访话术 and 拨打. Automated surveys are off so
/// replied orders reach the human queue at once; the clock is the test's.
/// </summary>
public abstract class CallbackDeskTests(CallbackDeskFixture fixture) : ApiTestBase(fixture)
{
    private FakeTimeProvider Clock => (FakeTimeProvider)Fixture.Factory.Services.GetRequiredService<TimeProvider>();

    [Fact]
    public async Task Desk_Should_ListTheSeededReasonsAndScripts_And_SayWhetherCallsCanBePlaced()
    {
        using var callback = await ClientAsync("callback");

        var desk = await (await callback.GetAsync("/api/callbacks/desk", Ct)).ReadAsync<CallbackDeskDto>();

        desk.Reasons.Select(r => r.Name).ShouldBe(["未解决诉求", "未联系诉求人", "态度不好", "推诿扯皮", "办理超时", "其他"]);
        desk.Scripts.Select(s => s.Type).ShouldBe(Enum.GetValues<TicketType>(), ignoreOrder: true);
        desk.Scripts.Single(s => s.Type == TicketType.Complaint).Body.ShouldContain("您投诉的问题现在是否已经解决");
        desk.MaxAttempts.ShouldBe(3);
        desk.CanDial.ShouldBe(Fixture.Provider == DatabaseProvider.Sqlite, "the embedded database has the local line; PostgreSQL without Twilio has none");
    }

    [Fact]
    public async Task Callback_Should_Answer400AndChangeNothing_When_DissatisfiedWithoutAKnownReason()
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");

        var missing = await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Dissatisfied, false, null, null), Json.Options, Ct);
        var unknown = await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Dissatisfied, false, null, null, "no-such-reason"), Json.Options, Ct);
        var misplaced = await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null, "attitude"), Json.Options, Ct);

        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reasonCode"]);
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reasonCode"]);
        (await misplaced.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reasonCode"]);
        var after = await TicketAsync(replied.Id);
        (after.Status, after.Version, after.Callback.Outcome).ShouldBe((TicketStatus.Replied, replied.Version, (CallbackOutcome?)null));
    }

    [Fact]
    public async Task Callback_Should_KeepTheReason_OnTheOrderItsTimelineAndTheCounts_When_Dissatisfied()
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");
        var before = await CountAsync(callback, "buck-passing", replied.LeadUnitId);

        var reworked = await (await callback.PostAsJsonAsync(
            $"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Dissatisfied, false, "市民称单位互相推诿", replied.Version, "buck-passing"), Json.Options, Ct))
            .ReadAsync<TicketDto>();

        reworked.Status.ShouldBe(TicketStatus.Dispatched);
        reworked.Callback.ReasonCode.ShouldBe("buck-passing");
        reworked.Timeline.Single(e => e.Action == "CallbackRecorded").Note.ShouldBe("不满意，未解决。不满意原因：推诿扯皮。市民称单位互相推诿");
        (await CountAsync(callback, "buck-passing", replied.LeadUnitId)).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("from=2026-12-10&to=2026-12-01", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    public async Task Dissatisfaction_Should_Answer400_When_ThePeriodIsBackwardsOrOutOfRange(string query, string field)
    {
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.GetAsync("/api/callbacks/dissatisfaction?" + query, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(field);
    }

    [Fact]
    public async Task UnreachedCalls_Should_HideTheOrderUntilItsRetry_And_CloseAsUnreachable_When_TheLastAttemptFails()
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == replied.Id);

        var first = await AttemptAsync(callback, replied, ContactFailure.NoAnswer, CallbackRetry.InTwoHours);

        first.Status.ShouldBe(TicketStatus.Replied);
        (first.Callback.Attempts, first.Callback.LastFailure).ShouldBe((1, (ContactFailure?)ContactFailure.NoAnswer));
        first.Callback.RetryAt.ShouldNotBeNull().ShouldBe(Clock.GetUtcNow().AddHours(2), TimeSpan.FromSeconds(1));
        first.Timeline.Last().Action.ShouldBe("CallbackAttempted");
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == replied.Id, "hidden until the retry time");
        var retries = await (await callback.GetAsync("/api/callbacks/retries", Ct)).ReadAsync<List<CallbackRetryDto>>();
        retries.ShouldContain(r => r.TicketId == replied.Id && r.Attempts == 1 && r.LastFailure == ContactFailure.NoAnswer);

        Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == replied.Id, "back in the queue at the retry time");
        var second = await AttemptAsync(callback, first, ContactFailure.PoweredOff, CallbackRetry.NextWorkingDay);
        var retryAt = second.Callback.RetryAt.ShouldNotBeNull().ToOffset(TimeSpan.FromHours(8));
        (retryAt.Hour, retryAt.Minute).ShouldBe((9, 0));
        retryAt.ShouldBeGreaterThan(Clock.GetUtcNow());

        var closed = await AttemptAsync(callback, second, ContactFailure.Declined, CallbackRetry.InTwoHours);

        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.Callback.Outcome.ShouldBe(CallbackOutcome.Unreachable);
        (closed.Callback.Attempts, closed.Callback.RetryAt).ShouldBe((3, (DateTimeOffset?)null));
        closed.Timeline.Last().Note.ShouldBe("联系不上。拒接（第 3 次，共 3 次），已达回访次数上限");
    }

    [Fact]
    public async Task UnreachedCall_Should_Answer400AndChangeNothing_When_ARetryComesWithAWrongNumber()
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");

        var response = await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback",
            new CallbackRequest(CallbackOutcome.Unreachable, null, null, replied.Version, null, ContactFailure.WrongNumber, CallbackRetry.InTwoHours), Json.Options, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["retry"]);
        (await TicketAsync(replied.Id)).Version.ShouldBe(replied.Version);
    }

    [Fact]
    public async Task Scripts_Should_BeEditedBySupervisors_And_RefusedToCallbackStaffAndEmptyText()
    {
        using var supervisor = await ClientAsync("supervisor");
        using var callback = await ClientAsync("callback");
        var text = "您好，这里是12345热线回访。请问您建议的事项单位是否已回复？" + Guid.NewGuid().ToString("N")[..6];

        var refused = await callback.PutAsJsonAsync("/api/callbacks/scripts/Suggestion", new SaveCallbackScriptRequest("改掉"), Json.Options, Ct);
        var empty = await supervisor.PutAsJsonAsync("/api/callbacks/scripts/Suggestion", new SaveCallbackScriptRequest("   "), Json.Options, Ct);
        var saved = await (await supervisor.PutAsJsonAsync("/api/callbacks/scripts/Suggestion", new SaveCallbackScriptRequest(text), Json.Options, Ct)).ReadAsync<CallbackScriptDto>();

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["body"]);
        (saved.Body, saved.UpdatedBy, saved.UpdatedByName).ShouldBe((text, "supervisor", "督办 张强"));
        var desk = await (await callback.GetAsync("/api/callbacks/desk", Ct)).ReadAsync<CallbackDeskDto>();
        desk.Scripts.Single(s => s.Type == TicketType.Suggestion).Body.ShouldBe(text);
    }

    [Fact]
    public async Task Dial_Should_ConnectOnTheLocalLine_And_Refuse_WithoutALine()
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");

        var response = await callback.PostAsync($"/api/tickets/{replied.Id}/callback-dial", null, Ct);

        if (Fixture.Provider == DatabaseProvider.Sqlite)
        {
            (await response.ReadAsync<CallbackDialResponse>()).Bridge.ShouldBe(CallBridge.Connected);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("未配置电话线路（Twilio），无法拨打。");
        }

        (await TicketAsync(replied.Id)).Version.ShouldBe(replied.Version, "placing the call changes nothing on the order");
    }

    [Fact]
    public async Task Dial_Should_Answer409_When_TheOrderDoesNotWaitForItsCallback()
    {
        var dispatched = await RegisterAndDispatchAsync();
        using var callback = await ClientAsync("callback");

        var response = await callback.PostAsync($"/api/tickets/{dispatched.Id}/callback-dial", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<TicketDto> AttemptAsync(HttpClient callback, TicketDto ticket, ContactFailure failure, CallbackRetry retry) =>
        await (await callback.PostAsJsonAsync($"/api/tickets/{ticket.Id}/callback",
            new CallbackRequest(CallbackOutcome.Unreachable, null, null, ticket.Version, null, failure, retry), Json.Options, Ct)).ReadAsync<TicketDto>();

    private static async Task<int> CountAsync(HttpClient http, string reason, Guid? unitId)
    {
        var counts = await (await http.GetAsync("/api/callbacks/dissatisfaction", Ct)).ReadAsync<List<DissatisfactionCountDto>>();
        return counts.Where(c => c.ReasonCode == reason && c.UnitId == unitId).Sum(c => c.Count);
    }

    public sealed class OnSqlite(CallbackDeskFixture.Sqlite fixture) : CallbackDeskTests(fixture), IClassFixture<CallbackDeskFixture.Sqlite>;

    public sealed class OnPostgreSql(CallbackDeskFixture.PostgreSql fixture) : CallbackDeskTests(fixture), IClassFixture<CallbackDeskFixture.PostgreSql>;
}

public abstract class CallbackDeskFixture(DatabaseProvider provider) : ApiFixture(provider, new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
{
    ["Callbacks:Automated"] = "false",
    ["Callbacks:Hours"] = "00:00-24:00",
})
{
    public sealed class Sqlite() : CallbackDeskFixture(DatabaseProvider.Sqlite);

    public sealed class PostgreSql() : CallbackDeskFixture(DatabaseProvider.PostgreSql);
}
