using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Webhooks;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.IntegrationTests.Webhooks;
using Hotline.TestSupport;
using Shouldly;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// Webhook delivery by real job hosts on PostgreSQL: a worker killed with SIGKILL while its requests are still at
/// the receiver loses nothing and reorders nothing; the next worker sends what was in flight again, with the same ids.
/// </summary>
public sealed class WebhookProcessTests
{
    private const int Orders = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delivery_Should_LoseAndReorderNothing_When_TheJobHostIsKilledMidDelivery()
    {
        await using var database = await PostgresDatabase.CreateAsync(Ct);
        var shared = database.Settings().With("Exchange:AllowPrivateTargets", "true");
        await using var api = await HostProcess.StartAsync("Hotline.Api", shared.With("Database:MigrateOnStart", "true").With("Demo:Seed", "true"), Ct);
        await using var receiver = await WebhookReceiver.StartAsync();

        using (var admin = await DeadlineProcessTests.SignInAsync(api, "admin"))
        {
            (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("process", receiver.Url, "process-secret-0123456789", null, null, true), Json.Options, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var numbers = new List<string>();
        using (var agent = await DeadlineProcessTests.SignInAsync(api, "agent"))
        using (var water = await DeadlineProcessTests.SignInAsync(api, "water"))
        {
            for (var i = 0; i < Orders; i++)
            {
                var ticket = await (await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(), Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);
                await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
                await (await water.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct)).ReadAsync<TicketDto>();
                numbers.Add(ticket.Number);
            }
        }

        var workerSettings = shared.With("Webhooks:Timeout", "00:00:02").With("Webhooks:Lease", "00:00:04").With("Webhooks:PollInterval", "00:00:00.200");
        receiver.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var victim = await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct))
        {
            await receiver.WaitForRequestAsync(Ct);
            victim.Kill();
            victim.HasExited.ShouldBeTrue();
        }

        var inFlight = receiver.Requests.Where(r => r.Status == 0).Select(r => r.Id).ToHashSet();
        inFlight.ShouldNotBeEmpty("the worker was killed while its requests were still at the receiver");
        var held = receiver.Hold;
        receiver.Hold = null;
        held.TrySetResult();

        await using (await HostProcess.StartAsync("Hotline.Worker", workerSettings, Ct))
        {
            // Until the receiver has everything and the worker has recorded it: a batch's outcomes commit after its last send.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline
                && (receiver.Delivered.Select(r => r.Id).Distinct().Count() < Orders * 3
                    || await database.CountAsync("""SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" <> 'Delivered'""") > 0))
            {
                await Task.Delay(100, Ct);
            }
        }

        var delivered = receiver.Delivered;
        delivered.Select(r => r.Id).Distinct().Count().ShouldBe(Orders * 3, "every change of every order arrived");
        inFlight.ShouldBeSubsetOf(delivered.Select(r => r.Id).ToHashSet(), "what was in flight was sent again with the same ids");
        foreach (var number in numbers)
        {
            delivered.Where(r => r.Subject == number).Select(r => r.Type).Distinct()
                .ShouldBe(["cn.hotline.ticket.registered", "cn.hotline.ticket.dispatched", "cn.hotline.ticket.accepted"], $"order {number} in order");
            var sequences = delivered.Where(r => r.Subject == number).Select(r => r.Sequence).ToList();
            sequences.ShouldBe(sequences.Order().ToList(), $"order {number}: no event before an earlier one");
        }

        (await database.CountAsync("""SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" <> 'Delivered'""")).ShouldBe(0);
    }
}
