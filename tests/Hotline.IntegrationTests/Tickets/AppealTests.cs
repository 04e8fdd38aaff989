using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using Hotline.Core.Features.Kpis.Counts.RebuildKpiCounts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Deadlines;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>
/// 申诉 over HTTP on a fake clock: filing, the supervisors' list, the decision, the order JSON; each rate formula of
/// GET /api/kpis/units without the exempted verdict (the counts were taken before the decision); every refusal
/// answers 409/403/404/400 and changes nothing.
/// </summary>
public abstract class AppealTests(DeadlineFixture fixture) : ApiTestBase(fixture)
{
    private readonly DeadlineFixture _fixture = fixture;

    [Fact]
    public async Task Appeal_Should_BeListedDecidedAndShownOnTheOrder_When_TheUnitAppealsACallback()
    {
        await WarmTokensAsync();
        var ticket = await CalledBackAsync(CallbackOutcome.Dissatisfied, solved: false);
        using var water = await ClientAsync("water");
        using var gas = await ClientAsync("gas");
        using var supervisor = await ClientAsync("supervisor");

        var filed = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(AppealKind.Callback, "市民要求超出政策规定", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var appeal = filed.Appeals.ShouldHaveSingleItem();
        appeal.ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe(AppealKind.Callback),
            a => a.Status.ShouldBe(AppealStatus.Pending),
            a => a.VerdictAt.ShouldBe(ticket.Callback.At!.Value, TimeSpan.FromMilliseconds(1)),
            a => a.FiledBy.ShouldBe("water"),
            a => a.FiledByName.ShouldNotBe("water"));
        filed.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.AppealFiled), e => e.ActorName.ShouldBe(appeal.FiledByName));
        (await ListAsync(supervisor, "?status=Pending")).ShouldContain(i => i.Appeal.Id == appeal.Id && i.TicketNumber == ticket.Number && i.UnitName != null);
        (await ListAsync(water, "?status=Pending")).ShouldContain(i => i.Appeal.Id == appeal.Id);
        (await ListAsync(gas, string.Empty)).ShouldNotContain(i => i.Appeal.Id == appeal.Id, "a unit sees its own appeals only");

        var decided = await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals/{appeal.Id}/decision", new AppealDecisionRequest(false, "回访记录属实", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        decided.Appeals.Single().ShouldSatisfyAllConditions(a => a.Status.ShouldBe(AppealStatus.Rejected), a => a.DecidedBy.ShouldBe("supervisor"), a => a.DecisionNote.ShouldBe("回访记录属实"));
        decided.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.AppealRejected), e => e.ActorName.ShouldNotBeNullOrEmpty());
        (await ListAsync(supervisor, "?status=Pending")).ShouldNotContain(i => i.Appeal.Id == appeal.Id);
        (await ListAsync(supervisor, "?status=Rejected")).ShouldContain(i => i.Appeal.Id == appeal.Id);
        (await TicketAsync(ticket.Id)).Appeals.Single().Status.ShouldBe(AppealStatus.Rejected);
    }

    [Fact]
    public async Task SatisfactionRate_Should_LeaveOutTheExemptedCallback_When_AnAppealIsUpheldAfterTheCountsWereTaken()
    {
        var (before, after) = await UpheldCallbackAppealAsync();

        after.Callbacks.ShouldBe(before.Callbacks - 1);
        after.Dissatisfied.ShouldBe(before.Dissatisfied - 1);
        after.Exempted.Satisfaction.ShouldBe(before.Exempted.Satisfaction + 1);
        after.SatisfactionRate.ShouldBe(Rate(after.Satisfied + after.BasicallySatisfied, after.Callbacks));
        after.SatisfactionRate!.Value.ShouldBeGreaterThan(before.SatisfactionRate!.Value, "a dissatisfied callback fewer among the same satisfied ones");
    }

    [Fact]
    public async Task ResolutionRate_Should_LeaveOutTheExemptedCallback_When_AnAppealIsUpheldAfterTheCountsWereTaken()
    {
        var (before, after) = await UpheldCallbackAppealAsync();

        after.Solved.ShouldBe(before.Solved);
        after.Exempted.Resolution.ShouldBe(before.Exempted.Resolution + 1);
        after.ResolutionRate.ShouldBe(Rate(after.Solved, after.Callbacks));
        after.ResolutionRate!.Value.ShouldBeGreaterThan(before.ResolutionRate!.Value);
    }

    [Fact]
    public async Task ResponseRate_Should_LeaveOutTheExemptedLateness_When_AnOverdueAppealIsUpheld()
    {
        var (before, after) = await UpheldOverdueAppealAsync();

        after.ResponseLate.ShouldBe(before.ResponseLate - 1);
        after.RespondedOnTime.ShouldBe(before.RespondedOnTime);
        after.Exempted.Response.ShouldBe(before.Exempted.Response + 1);
        after.ResponseRate.ShouldBe(Rate(after.RespondedOnTime, after.RespondedOnTime + after.ResponseLate));
        after.ResponseRate!.Value.ShouldBeGreaterThan(before.ResponseRate!.Value);
    }

    [Fact]
    public async Task OnTimeReplyRate_Should_LeaveOutTheExemptedLateness_When_AnOverdueAppealIsUpheld()
    {
        var (before, after) = await UpheldOverdueAppealAsync();

        after.ReplyLate.ShouldBe(before.ReplyLate - 1);
        after.RepliedOnTime.ShouldBe(before.RepliedOnTime);
        after.Exempted.OnTimeReply.ShouldBe(before.Exempted.OnTimeReply + 1);
        after.OnTimeReplyRate.ShouldBe(Rate(after.RepliedOnTime, after.RepliedOnTime + after.ReplyLate));
        after.OnTimeReplyRate!.Value.ShouldBeGreaterThan(before.OnTimeReplyRate!.Value);
    }

    [Fact]
    public async Task Appeal_Should_Answer409AndChangeNothing_When_NoVerdictAlreadyPendingOrDecided()
    {
        await WarmTokensAsync();
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");
        var replied = await RepliedAsync();

        var noCallback = await water.PostAsJsonAsync($"/api/tickets/{replied.Id}/appeals", new AppealRequest(AppealKind.Callback, "x", null), Json.Options, Ct);
        (await noCallback.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("工单尚无有效的回访结果，没有可申诉的回访评价。");
        var neverLate = await water.PostAsJsonAsync($"/api/tickets/{replied.Id}/appeals", new AppealRequest(AppealKind.Overdue, "x", null), Json.Options, Ct);
        (await neverLate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("工单未被认定超期，没有可申诉的超期。");
        (await TicketAsync(replied.Id)).ShouldSatisfyAllConditions(t => t.Version.ShouldBe(replied.Version), t => t.Appeals.ShouldBeEmpty());

        var ticket = await CalledBackAsync(CallbackOutcome.Dissatisfied, solved: false);
        var options = await (await water.GetAsync($"/api/tickets/{ticket.Id}/appeals/options", Ct)).ReadAsync<List<AppealOptionDto>>();
        options.Single(o => o.Kind == AppealKind.Callback).ShouldSatisfyAllConditions(o => o.Allowed.ShouldBeTrue(), o => o.WindowEndsAt.ShouldNotBeNull());
        options.Single(o => o.Kind == AppealKind.Overdue).ShouldSatisfyAllConditions(o => o.Allowed.ShouldBeFalse(), o => o.Refusal.ShouldBe("工单未被认定超期，没有可申诉的超期。"));
        var filed = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(AppealKind.Callback, "诉求不合理", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        (await (await water.GetAsync($"/api/tickets/{ticket.Id}/appeals/options", Ct)).ReadAsync<List<AppealOptionDto>>())
            .Single(o => o.Kind == AppealKind.Callback).Refusal.ShouldBe("已有待审核的回访评价申诉，请等待督办审核。");
        using var callbackDesk = await ClientAsync("callback");
        await (await callbackDesk.GetAsync($"/api/tickets/{ticket.Id}/appeals/options", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var second = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(AppealKind.Callback, "再次申诉", null), Json.Options, Ct);
        (await second.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("已有待审核的回访评价申诉，请等待督办审核。");
        var appealId = filed.Appeals.Single().Id;
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals/{appealId}/decision", new AppealDecisionRequest(true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var upheld = await TicketAsync(ticket.Id);

        var again = await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals/{appealId}/decision", new AppealDecisionRequest(false, "改判", null), Json.Options, Ct);
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("该申诉已审核，不能再次审核。");
        (await TicketAsync(ticket.Id)).ShouldSatisfyAllConditions(t => t.Version.ShouldBe(upheld.Version), t => t.Appeals.Single().Status.ShouldBe(AppealStatus.Upheld));
    }

    [Fact]
    public async Task Appeal_Should_Answer409_When_TheWindowHasPassed_AndTakeTheSweepsAlertAsAnOverdueVerdict()
    {
        await WarmTokensAsync();
        using var gas = await ClientAsync("gas");

        // Not signed for past its limit: the sweep's overdue alert is the verdict, and the unit may appeal it at once.
        var late = await RegisterAndDispatchAsync(Emergency());
        _fixture.Clock.Advance(TimeSpan.FromHours(3));
        await SweepAsync();
        var alerted = await TicketAsync(late.Id);
        alerted.Alerts.ShouldContain(a => a.Kind == AlertKind.Overdue);
        var filed = await (await gas.PostAsJsonAsync($"/api/tickets/{late.Id}/appeals", new AppealRequest(AppealKind.Overdue, "燃气公司抢修车辆被交通管制", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        filed.Appeals.Single().VerdictAt.ShouldBe(alerted.Alerts.Where(a => a.Kind == AlertKind.Overdue).Max(a => a.RaisedAt), TimeSpan.FromMilliseconds(1));

        // A callback more than three working days ago (ten days hold at least six).
        var ticket = await CalledBackAsync(CallbackOutcome.Dissatisfied, solved: false);
        _fixture.Clock.Advance(TimeSpan.FromDays(10));
        using var water = await ClientAsync("water");
        var response = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(AppealKind.Callback, "x", null), Json.Options, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith("申诉期已过：回访评价认定后 3 个工作日内可申诉，截至 ");
        (await TicketAsync(ticket.Id)).ShouldSatisfyAllConditions(t => t.Version.ShouldBe(ticket.Version), t => t.Appeals.ShouldBeEmpty());
    }

    [Fact]
    public async Task Appeal_Should_Answer403Or404Or400_When_TheCallerMayNotActOrTheBodyIsBad()
    {
        await WarmTokensAsync();
        var ticket = await CalledBackAsync(CallbackOutcome.Dissatisfied, solved: false);
        using var agent = await ClientAsync("agent");
        using var gas = await ClientAsync("gas");
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");
        var body = new AppealRequest(AppealKind.Callback, "x", null);

        await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", body, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await gas.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", body, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/appeals", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var missing = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(null, "", null), Json.Options, Ct);
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["kind", "reason"], ignoreOrder: true);

        var filed = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", body, Json.Options, Ct)).ReadAsync<TicketDto>();
        var appealId = filed.Appeals.Single().Id;
        var decision = $"/api/tickets/{ticket.Id}/appeals/{appealId}/decision";
        await (await water.PostAsJsonAsync(decision, new AppealDecisionRequest(true, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals/{Guid.NewGuid()}/decision", new AppealDecisionRequest(true, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var noNote = await supervisor.PostAsJsonAsync(decision, new AppealDecisionRequest(false, null, null), Json.Options, Ct);
        (await noNote.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("note");
        await (await supervisor.PostAsJsonAsync(decision, new AppealDecisionRequest(null, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TicketAsync(ticket.Id)).ShouldSatisfyAllConditions(t => t.Version.ShouldBe(filed.Version), t => t.Appeals.Single().Status.ShouldBe(AppealStatus.Pending));
    }

    [Fact]
    public async Task AppealPolicy_Should_BeReadByAllAndChangedByTheAdminOnly()
    {
        await WarmTokensAsync();
        using var admin = await ClientAsync("admin");
        using var supervisor = await ClientAsync("supervisor");

        (await (await supervisor.GetAsync("/api/appeal-policy", Ct)).ReadAsync<AppealPolicyDto>()).WindowWorkingDays.ShouldBe(3);
        await (await supervisor.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(5), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await admin.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(0), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("windowWorkingDays");
        try
        {
            (await (await admin.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(5), Json.Options, Ct)).ReadAsync<AppealPolicyDto>()).WindowWorkingDays.ShouldBe(5);
            (await (await supervisor.GetAsync("/api/appeal-policy", Ct)).ReadAsync<AppealPolicyDto>()).WindowWorkingDays.ShouldBe(5);
        }
        finally
        {
            await (await admin.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(3), Json.Options, Ct)).ReadAsync<AppealPolicyDto>();
        }
    }

    /// <summary>
    /// For "water": a satisfied, solved callback and a dissatisfied, unsolved one the same day; the unit appeals the
    /// second and the supervisor upholds it. The figures before are read from the counts taken before the decision;
    /// after, a rebuild of the counts from the orders gives the same figures as the incremental ones.
    /// </summary>
    private async Task<(UnitMeasuresDto Before, UnitMeasuresDto After)> UpheldCallbackAppealAsync()
    {
        await WarmTokensAsync();
        var from = ChinaTime.DateOf(_fixture.Clock.GetUtcNow());
        await CalledBackAsync(CallbackOutcome.Satisfied, solved: true);
        var ticket = await CalledBackAsync(CallbackOutcome.Dissatisfied, solved: false);
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");
        var filed = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals", new AppealRequest(AppealKind.Callback, "市民要求超出政策规定", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var before = await UnitAsync("water", from);

        var upheld = await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/appeals/{filed.Appeals.Single().Id}/decision", new AppealDecisionRequest(true, "诉求不合理", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        upheld.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.AppealUpheld), e => e.Note.ShouldNotBeNull().ShouldContain("不计入解决率和满意率"));
        var after = await UnitAsync("water", from);
        await RebuildAsync();
        (await UnitAsync("water", from)).ShouldBeEquivalentTo(after);
        return (before, after);
    }

    /// <summary>
    /// For "gas": an emergency order answered at once (on time), and one signed for, contacted and replied after its
    /// limits (3 h later); the unit appeals the overdue verdict and the supervisor upholds it.
    /// </summary>
    private async Task<(UnitMeasuresDto Before, UnitMeasuresDto After)> UpheldOverdueAppealAsync()
    {
        await WarmTokensAsync();
        var from = ChinaTime.DateOf(_fixture.Clock.GetUtcNow());
        using var gas = await ClientAsync("gas");
        using var supervisor = await ClientAsync("supervisor");
        await HandleAsync(gas, (await RegisterAndDispatchAsync(Emergency())).Id);
        var late = await RegisterAndDispatchAsync(Emergency());
        _fixture.Clock.Advance(TimeSpan.FromHours(3));
        var replied = await HandleAsync(gas, late.Id);
        replied.Overdue.ShouldSatisfyAllConditions(o => o.Accept.ShouldBeTrue(), o => o.Reply.ShouldBeTrue());
        var filed = await (await gas.PostAsJsonAsync($"/api/tickets/{late.Id}/appeals", new AppealRequest(AppealKind.Overdue, "道路封闭，抢修车辆无法进入", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var before = await UnitAsync("gas", from);

        await (await supervisor.PostAsJsonAsync($"/api/tickets/{late.Id}/appeals/{filed.Appeals.Single().Id}/decision", new AppealDecisionRequest(true, "交通管制属实", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var after = await UnitAsync("gas", from);
        await RebuildAsync();
        (await UnitAsync("gas", from)).ShouldBeEquivalentTo(after);
        return (before, after);
    }

    private async Task<TicketDto> HandleAsync(HttpClient gas, Guid id)
    {
        await (await gas.PostAsync($"/api/tickets/{id}/accept", null, Ct)).ReadAsync<TicketDto>();
        await (await gas.PostAsJsonAsync($"/api/tickets/{id}/contact", new NoteRequest("已电话联系", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var replied = await (await gas.PostAsJsonAsync($"/api/tickets/{id}/reply", new ReplyRequest(true, "已关阀检修", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        return await ApproveReviewIfPendingAsync(replied);
    }

    /// <summary>An order of "water", replied and called back with <paramref name="outcome"/>.</summary>
    private async Task<TicketDto> CalledBackAsync(CallbackOutcome outcome, bool solved)
    {
        var replied = await RepliedAsync(solved);
        using var callback = await ClientAsync("callback");
        return await (await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(outcome, solved, null, null, outcome == CallbackOutcome.Dissatisfied ? "unresolved" : null), Json.Options, Ct)).ReadAsync<TicketDto>();
    }

    private async Task<UnitMeasuresDto> UnitAsync(string unitCode, DateOnly from)
    {
        var unitId = (await UnitIdsAsync())[unitCode];
        var to = ChinaTime.DateOf(_fixture.Clock.GetUtcNow());
        using var supervisor = await ClientAsync("supervisor");
        var units = await (await supervisor.GetAsync($"/api/kpis/units?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Ct)).ReadAsync<List<UnitMeasuresDto>>();
        return units.Single(u => u.UnitId == unitId);
    }

    private static async Task<List<AppealListItemDto>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/appeals{query}", Ct)).ReadAsync<List<AppealListItemDto>>();

    private static double? Rate(double numerator, int denominator) => denominator == 0 ? null : Math.Round(numerator / denominator, 4);

    private static RegisterTicketRequest Emergency() =>
        NewTicket(categoryCode: "rq-yh", districtCode: "hd", streetCode: "hd-zgc", type: TicketType.HelpRequest) with { Urgency = Urgency.Emergency };

    /// <summary>Tokens are issued on the fake clock: take every one before any test moves the clock by days.</summary>
    private async Task WarmTokensAsync()
    {
        foreach (var user in new[] { "agent", "water", "gas", "supervisor", "callback", "admin" })
        {
            (await ClientAsync(user)).Dispose();
        }
    }

    private async Task SweepAsync()
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepDeadlines(), Ct);
    }

    private async Task RebuildAsync()
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RebuildKpiCounts(), Ct);
    }

    public sealed class OnSqlite(SqliteDeadlineFixture fixture) : AppealTests(fixture), IClassFixture<SqliteDeadlineFixture>;

    public sealed class OnPostgreSql(PostgresDeadlineFixture fixture) : AppealTests(fixture), IClassFixture<PostgresDeadlineFixture>;
}
