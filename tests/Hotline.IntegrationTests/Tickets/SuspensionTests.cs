using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Deadlines;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>
/// 挂起 over HTTP on a fake clock: request, decision, resume by hand and by the deadline sweep; no alert while the
/// clocks are stopped; every refusal answers 409/403/404 and changes nothing.
/// </summary>
public abstract class SuspensionTests(DeadlineFixture fixture) : ApiTestBase(fixture)
{
    private readonly DeadlineFixture _fixture = fixture;

    [Fact]
    public async Task Suspension_Should_StopTheClocksAndResumeWithTheTimeLeft_When_ApprovedThenResumedByTheUnit()
    {
        // From a Monday morning in China, so the 30 suspended hours hold working time whatever the wall clock and the
        // class's other tests did to the shared clock (over a weekend the working-day deadline would rightly not move).
        var china = TimeSpan.FromHours(8);
        var now = _fixture.Clock.GetUtcNow().ToOffset(china);
        var monday = new DateTimeOffset(now.Date, china).AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7 + 7).AddHours(9);
        _fixture.Clock.SetUtcNow(monday.ToUniversalTime());
        var accepted = await AcceptedAsync();
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");

        var requested = await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("市民出国，回国后方可现场核实", null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        requested.Suspension!.ShouldSatisfyAllConditions(s => s.Status.ShouldBe(SuspensionStatus.Pending), s => s.Reason.ShouldBe("市民出国，回国后方可现场核实"), s => s.Since.ShouldBeNull());
        var pending = await (await supervisor.GetAsync("/api/tickets?suspended=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        pending.Items.ShouldContain(i => i.Id == accepted.Id);

        var suspended = await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests/decision", new SuspensionDecisionRequest(true, "情况属实", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        suspended.Suspension!.ShouldSatisfyAllConditions(s => s.Status.ShouldBe(SuspensionStatus.Suspended), s => s.Since.ShouldNotBeNull());
        suspended.Timeline[^1].Action.ShouldBe(TimelineActions.SuspensionApproved);
        var listed = await (await supervisor.GetAsync("/api/tickets?suspended=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        listed.Items.Single(i => i.Id == accepted.Id).NextDueAt.ShouldBeNull("no clock runs while suspended");

        _fixture.Clock.Advance(TimeSpan.FromHours(30));
        var resumed = await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/resume", new VersionOnlyRequest(null), Json.Options, Ct)).ReadAsync<TicketDto>();

        resumed.Suspension!.ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(SuspensionStatus.Resumed),
            s => s.TotalSuspended.ShouldBe(TimeSpan.FromHours(30), TimeSpan.FromSeconds(1)));
        resumed.Deadlines.ReplyDueAt.ShouldNotBeNull().ShouldBeGreaterThan(accepted.Deadlines.ReplyDueAt!.Value);
        resumed.Timeline[^1].ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe(TimelineActions.Resumed),
            e => e.Note.ShouldNotBeNull().ShouldContain("1 天 6 小时"));
        resumed.Overdue.Reply.ShouldBeFalse();
    }

    [Fact]
    public async Task Sweep_Should_RaiseNothingWhileSuspendedAndResumeAtTheEnd_When_TheSuspensionHasAnUntil()
    {
        // An emergency order: 2 h to reply, counted in clock time.
        var ticket = await RegisterAndDispatchAsync(NewTicket(categoryCode: "rq-yh", districtCode: "hd", streetCode: "hd-zgc") with { Urgency = Urgency.Emergency });
        var accepted = await AcceptAsync(ticket.Id, "gas");
        using var gas = await ClientAsync("gas");
        using var supervisor = await ClientAsync("supervisor");
        var until = _fixture.Clock.GetUtcNow().AddHours(5);
        await (await gas.PostAsJsonAsync($"/api/tickets/{ticket.Id}/suspension-requests", new SuspensionRequest("等待燃气公司检测结果", until, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var suspended = await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/suspension-requests/decision", new SuspensionDecisionRequest(true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var stoppedAt = suspended.Suspension!.Since!.Value;

        _fixture.Clock.Advance(TimeSpan.FromHours(4));
        await SweepAsync();
        var during = await TicketAsync(ticket.Id);
        during.Alerts.ShouldBeEmpty("a suspended order never gets an alert");
        during.Overdue.Reply.ShouldBeFalse();
        during.Suspension!.Status.ShouldBe(SuspensionStatus.Suspended);

        _fixture.Clock.Advance(TimeSpan.FromHours(1.5));
        await SweepAsync();
        var after = await TicketAsync(ticket.Id);
        after.Suspension!.ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(SuspensionStatus.Resumed),
            s => s.TotalSuspended.ShouldBe(until - stoppedAt, TimeSpan.FromMilliseconds(1)));
        after.Deadlines.ReplyDueAt!.Value.ShouldBe(accepted.Deadlines.ReplyDueAt!.Value + (until - stoppedAt), TimeSpan.FromMilliseconds(1));
        after.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.Resumed), e => e.ActorUserName.ShouldBe("deadline-sweep"));

        // The restarted clock is late again only after the time it had left.
        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        (await TicketAsync(ticket.Id)).Alerts.ShouldContain(a => a.Stage == DeadlineStage.Reply && a.Kind == AlertKind.Overdue);
    }

    [Fact]
    public async Task Decision_Should_KeepTheClocks_When_TheSupervisorRejects()
    {
        var accepted = await AcceptedAsync();
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");
        await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("需要等待", null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var rejected = await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests/decision", new SuspensionDecisionRequest(false, "理由不充分", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        rejected.Suspension!.Status.ShouldBe(SuspensionStatus.Rejected);
        rejected.Deadlines.ReplyDueAt.ShouldBe(accepted.Deadlines.ReplyDueAt);
        rejected.Timeline[^1].Action.ShouldBe(TimelineActions.SuspensionRejected);
    }

    [Fact]
    public async Task Suspension_Should_Answer409AndChangeNothing_When_NothingIsPendingOrSuspended()
    {
        var accepted = await AcceptedAsync();
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");

        var decision = await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests/decision", new SuspensionDecisionRequest(true, null, null), Json.Options, Ct);
        (await decision.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("没有待审批的挂起申请。");
        var resume = await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/resume", new VersionOnlyRequest(null), Json.Options, Ct);
        (await resume.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("工单未挂起，无需恢复计时。");
        (await TicketAsync(accepted.Id)).Version.ShouldBe(accepted.Version);

        // Only an accepted order may be suspended.
        var dispatched = await RegisterAndDispatchAsync();
        await (await water.PostAsJsonAsync($"/api/tickets/{dispatched.Id}/suspension-requests", new SuspensionRequest("x", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suspension_Should_Answer403Or404_When_TheCallerMayNotActOnTheOrder()
    {
        var accepted = await AcceptedAsync();
        using var agent = await ClientAsync("agent");
        using var gas = await ClientAsync("gas");
        using var water = await ClientAsync("water");

        await (await agent.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("x", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await gas.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("x", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests/decision", new SuspensionDecisionRequest(true, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync($"/api/tickets/{accepted.Id}/resume", new VersionOnlyRequest(null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await water.PostAsJsonAsync($"/api/tickets/{Guid.NewGuid()}/resume", new VersionOnlyRequest(null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bad = await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("", null, null), Json.Options, Ct);
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("reason");
        (await TicketAsync(accepted.Id)).Version.ShouldBe(accepted.Version);
    }

    [Fact]
    public async Task Resume_Should_BeAllowedToTheSupervisor_When_TheOrderIsSuspended()
    {
        var accepted = await AcceptedAsync();
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");
        await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests", new SuspensionRequest("等待法院判决", null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/suspension-requests/decision", new SuspensionDecisionRequest(true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var reply = await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/reply", new ReplyRequest(true, "已处理", null), Json.Options, Ct);
        (await reply.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("工单已挂起，请先恢复计时。");
        var resumed = await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/resume", new VersionOnlyRequest(null), Json.Options, Ct)).ReadAsync<TicketDto>();

        resumed.Suspension!.Status.ShouldBe(SuspensionStatus.Resumed);
        resumed.Timeline[^1].ActorUserName.ShouldBe("supervisor");
    }

    /// <summary>An order of category sw-ts led by "water", accepted.</summary>
    private async Task<TicketDto> AcceptedAsync()
    {
        var ticket = await RegisterAndDispatchAsync();
        return await AcceptAsync(ticket.Id, "water");
    }

    private async Task SweepAsync()
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepDeadlines(), Ct);
    }

    public sealed class OnSqlite(SqliteDeadlineFixture fixture) : SuspensionTests(fixture), IClassFixture<SqliteDeadlineFixture>;

    public sealed class OnPostgreSql(PostgresDeadlineFixture fixture) : SuspensionTests(fixture), IClassFixture<PostgresDeadlineFixture>;
}
