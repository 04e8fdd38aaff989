using System.Diagnostics;
using Hotline.Contracts;
using Shouldly;
using Hotline.TestSupport;
using static Hotline.IntegrationTests.Processes.DeadlineProcessTests;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// The production topology on one machine: two API nodes and two workers as separate processes on one PostgreSQL
/// and one Redis (all on 127.0.0.1). What one node commits reaches consoles on the other through the backplane,
/// and the workers raise each deadline alert once, which every console receives once.
/// </summary>
public sealed class MultiNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changes_Should_ReachConsolesOnTheOtherNode_And_AlertsBeRaisedOnce_When_TwoApiNodesAndTwoWorkersShareTheDatabaseAndRedis()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var database = await PostgresDatabase.CreateAsync(Ct);
        var shared = database.Settings().With("Redis:Configuration", redis.Configuration);
        await using var nodeA = await HostProcess.StartAsync("Hotline.Api", shared.With("Database:MigrateOnStart", "true").With("Demo:Seed", "true"), Ct);
        // The nodes of one installation share their settings (docs/operations.md): both are the demo city's, so the demo
        // accounts sign in without a second factor on either.
        await using var nodeB = await HostProcess.StartAsync("Hotline.Api", shared.With("Demo:Seed", "true"), Ct);
        var workerSettings = shared.With("Deadlines:SweepInterval", "00:00:20").With("Jobs:SchedulePollingInterval", "00:00:01")
            .With(SweepLogging, "Information");
        await using var workerA = await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct);
        await using var workerB = await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct);

        // A supervisor's token from node B is valid on node A: the nodes share the signing key.
        using var supervisor = await SignInAsync(nodeB, "supervisor");
        var token = supervisor.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var consoleOnA = await HubListener.ConnectAsync(nodeA, token, Ct);
        await using var consoleOnB = await HubListener.ConnectAsync(nodeB, token, Ct);

        await UseOneMinuteEmergencyAcceptLimitAsync(nodeA);
        using var agentOnA = await SignInAsync(nodeA, "agent");
        var (ticket, dispatchedAt) = await RegisterAndDispatchEmergencyAsync(agentOnA);
        var committed = Stopwatch.GetTimestamp();

        var (change, arrived) = await consoleOnB.NextChangeAsync(c => c.TicketId == ticket.Id && c.Status == TicketStatus.Dispatched, TimeSpan.FromSeconds(5), Ct);
        change.Version.ShouldBe(ticket.Version);
        Stopwatch.GetElapsedTime(committed, arrived).ShouldBeLessThan(TimeSpan.FromSeconds(1), "a change through node A reaches a console on node B within a second");

        var overdue = await WaitForAsync(nodeB, ticket.Id, t => t.Alerts.Any(a => a.Kind == AlertKind.Overdue), TimeSpan.FromSeconds(150));
        var raisedAt = overdue.Alerts.Single(a => a.Kind == AlertKind.Overdue).RaisedAt;
        (raisedAt - dispatchedAt).ShouldBeLessThan(TimeSpan.FromMinutes(2));

        // Another sweep by either worker must find nothing new.
        await WaitForNextSweepAsync([workerA, workerB], raisedAt);
        var later = await GetTicketAsync(nodeA, ticket.Id);
        later.Timeline.Count(e => e.Action == "DeadlineOverdue").ShouldBe(1, workerA.Output + workerB.Output);
        (await database.CountAsync("""SELECT count(*) FROM "TicketAlerts" WHERE "TicketId" = @id AND "Kind" = 'Overdue'""", ticket.Id)).ShouldBe(1);
        foreach (var console in new[] { consoleOnA, consoleOnB })
        {
            console.Alerts.Count(a => a.TicketId == ticket.Id && a.Kind == AlertKind.Overdue)
                .ShouldBe(1, "the worker's alert reaches every node's consoles through Redis, once");
        }
    }
}
