using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Deadlines;
using Hotline.Core.Jobs;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Deadlines;

/// <summary>
/// The deadline sweep against a real database, on a fake clock: alerts are raised once, by one sweep or by
/// two racing ones, and show up on the order, in the timeline and in the supervisors' lists.
/// </summary>
public abstract class SweepDeadlinesTests(DeadlineFixture fixture) : ApiTestBase(fixture)
{
    private readonly DeadlineFixture _fixture = fixture;

    [Fact]
    public async Task Sweep_Should_RaiseExactlyOneOverdueAlert_When_AnEmergencyOrderIsNotSignedFor()
    {
        await UseOneMinuteEmergencyAcceptLimitAsync();
        var ticket = await RegisterAndDispatchAsync(Emergency());

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var first = await SweepAsync();
        var second = await SweepAsync();

        first.AlertsRaised.ShouldBeGreaterThanOrEqualTo(1);
        second.AlertsRaised.ShouldBe(0, "a second sweep finds nothing new");
        using var supervisor = await ClientAsync("supervisor");
        var seen = await (await supervisor.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();
        seen.Timeline.Count(e => e.Action == TimelineActions.DeadlineOverdue).ShouldBe(1);
        var urge = seen.Timeline.Where(e => e.Action == TimelineActions.Urged).ShouldHaveSingleItem("the automatic urge is on the timeline");
        urge.ActorName.ShouldBe("系统（时限巡检）");
        seen.UrgeCount.ShouldBe(1);
        seen.Alerts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Stage.ShouldBe(DeadlineStage.Accept),
            a => a.Kind.ShouldBe(AlertKind.Overdue),
            a => a.UnitId.ShouldBe(seen.LeadUnitId));
        seen.Escalated.ShouldBeTrue();
        seen.Overdue.Accept.ShouldBeTrue();
        seen.UrgeCount.ShouldBe(1);

        var escalated = await (await supervisor.GetAsync("/api/tickets?escalated=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        escalated.Items.ShouldContain(i => i.Id == ticket.Id);
        var overdue = await (await supervisor.GetAsync("/api/tickets?overdue=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        overdue.Items.ShouldContain(i => i.Id == ticket.Id);
        overdue.Items.Select(i => i.NextDueAt).ShouldBeInOrder(SortDirection.Ascending, "the latest first: the earliest passed deadline leads");
    }

    [Fact]
    public async Task Sweep_Should_RaiseEachAlertOnce_When_TwoSweepsRunAtOnce()
    {
        await UseOneMinuteEmergencyAcceptLimitAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await RegisterAndDispatchAsync(Emergency())).Id);
        }

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var results = await Task.WhenAll(SweepAsync(), SweepAsync());

        results.Sum(r => r.AlertsRaised).ShouldBeGreaterThanOrEqualTo(ids.Count);
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var alerts = await db.TicketAlerts.AsNoTracking().Where(a => ids.Contains(a.TicketId)).ToListAsync(Ct);
        alerts.Count(a => a.Stage == DeadlineStage.Accept && a.Kind == AlertKind.Overdue).ShouldBe(ids.Count);
        alerts.GroupBy(a => (a.TicketId, a.Stage, a.Kind)).ShouldAllBe(g => g.Count() == 1);
        var overdueEntries = await db.TimelineEntries.AsNoTracking()
            .Where(e => ids.Contains(e.TicketId) && e.Action == TimelineActions.DeadlineOverdue)
            .CountAsync(Ct);
        overdueEntries.ShouldBe(alerts.Count(a => a.Kind == AlertKind.Overdue));
    }

    [Fact]
    public async Task Sweep_Should_RaiseNothing_When_TheOrderWasSignedForInTime()
    {
        await UseOneMinuteEmergencyAcceptLimitAsync();
        var ticket = await RegisterAndDispatchAsync(Emergency());
        await AcceptAsync(ticket.Id, "gas");

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();

        using var supervisor = await ClientAsync("supervisor");
        var seen = await (await supervisor.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();
        seen.Alerts.ShouldBeEmpty();
        seen.Escalated.ShouldBeFalse();
    }

    [Fact]
    public async Task NearDueList_Should_ShowOrdersWhoseNextDeadlineIsClose()
    {
        var ticket = await RegisterAndDispatchAsync(NewTicket() with { Urgency = Urgency.Urgent });

        using var supervisor = await ClientAsync("supervisor");
        var nearDue = await (await supervisor.GetAsync("/api/tickets?nearDue=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();

        nearDue.Items.ShouldContain(i => i.Id == ticket.Id, "an urgent order must be signed for within the hour");
        nearDue.Items.ShouldAllBe(i => !i.Overdue);
    }

    [Fact]
    public void RecurringSweep_Should_BeRegisteredWithAStableIdInChinaTime()
    {
        var manager = new RecordingRecurringJobManager();

        JobsSetup.RegisterRecurringJobs(manager, new DeadlineOptions { SweepInterval = TimeSpan.FromSeconds(20) });

        manager.Id.ShouldBe(JobsSetup.DeadlineSweepJobId);
        manager.Cron.ShouldBe("*/20 * * * * *");
        manager.TimeZone!.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(8));
    }

    private static RegisterTicketRequest Emergency() =>
        NewTicket(categoryCode: "rq-yh", districtCode: "hd", streetCode: "hd-zgc") with { Urgency = Urgency.Emergency };

    private async Task UseOneMinuteEmergencyAcceptLimitAsync()
    {
        using var admin = await ClientAsync("admin");
        var body = new UpsertSlaPolicyRequest(new LimitDto(1, LimitUnit.Minutes), new LimitDto(1, LimitUnit.Hours), new LimitDto(2, LimitUnit.Hours));
        await (await admin.PutAsJsonAsync("/api/sla-policies/Emergency", body, Json.Options, Ct)).ReadAsync<SlaPolicyDto>();
    }

    private async Task<SweepResult> SweepAsync()
    {
        await using var scope = _fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepDeadlines(), Ct);
    }

    public sealed class OnSqlite(SqliteDeadlineFixture fixture) : SweepDeadlinesTests(fixture), IClassFixture<SqliteDeadlineFixture>;

    public sealed class OnPostgreSql(PostgresDeadlineFixture fixture) : SweepDeadlinesTests(fixture), IClassFixture<PostgresDeadlineFixture>;

    private sealed class RecordingRecurringJobManager : Hangfire.IRecurringJobManager
    {
        public string? Id { get; private set; }

        public string? Cron { get; private set; }

        public TimeZoneInfo? TimeZone { get; private set; }

        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, Hangfire.RecurringJobOptions options)
        {
            (Id, Cron, TimeZone) = (recurringJobId, cronExpression, options.TimeZone);
        }

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}

/// <summary>An API on a fake clock that starts at the real time, so tokens stay valid while tests move it on.</summary>
public abstract class DeadlineFixture(DatabaseProvider provider, FakeTimeProvider clock) : ApiFixture(provider, clock)
{
    public FakeTimeProvider Clock { get; } = clock;
}

public sealed class SqliteDeadlineFixture() : DeadlineFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

public sealed class PostgresDeadlineFixture() : DeadlineFixture(DatabaseProvider.PostgreSql, new FakeTimeProvider(DateTimeOffset.UtcNow));
