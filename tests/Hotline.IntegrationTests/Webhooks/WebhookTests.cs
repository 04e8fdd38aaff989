using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Hotline.Core.Features.Webhooks;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Webhooks;

/// <summary>
/// Event subscriptions (docs/integration.md) against receivers on 127.0.0.1: CloudEvents in order per order, signed,
/// retried with backoff, dead-lettered and redelivered, a unit's view only, and nothing lost when a worker dies
/// mid-delivery. The delivery loop is off; each test drives the dispatcher and the clock itself.
/// </summary>
public abstract class WebhookTests(WebhookFixture fixture) : ApiTestBase(fixture)
{
    private const string Secret = "test-secret-0123456789";

    private FakeTimeProvider Clock => fixture.Clock;

    private WebhookDispatcher Dispatcher => Fixture.Factory.Services.GetRequiredService<WebhookDispatcher>();

    [Fact]
    public async Task Changes_Should_ArriveInOrder_AsSignedCloudEvents_When_AnOrderIsRegisteredDispatchedAndAccepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "centre");
        try
        {
            var ticket = await RegisterAndDispatchAsync();
            await AcceptAsync(ticket.Id, "water");
            await DrainAsync();

            var events = receiver.Delivered.Where(r => r.Subject == ticket.Number).ToList();
            events.Select(e => e.Type).ShouldBe(["cn.hotline.ticket.registered", "cn.hotline.ticket.dispatched", "cn.hotline.ticket.accepted"]);
            events.Select(e => e.Id).Distinct().Count().ShouldBe(3, "every change is its own event");
            var sequences = events.Select(e => e.Sequence).ToList();
            sequences.ShouldBe(sequences.Order().ToList(), "in the order of the change log");
            foreach (var e in events)
            {
                WebhookSignature.Verify(Secret, e.Signature, e.Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).ShouldBeTrue($"signature of {e.Type}");
                WebhookSignature.Verify("another-secret-0123456", e.Signature, e.Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).ShouldBeFalse();
                e.ContentType.ShouldStartWith("application/cloudevents+json");
                e.Event.GetProperty("specversion").GetString().ShouldBe("1.0");
                e.Event.GetProperty("source").GetString().ShouldBe("/hotline/tickets");
                DateTimeOffset.Parse(e.Event.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Offset.ShouldBe(TimeSpan.Zero);
                e.Event.GetProperty("data").GetProperty("ticket").GetProperty("citizen").GetProperty("phone").GetString().ShouldBe(CitizenPhone, "the centre sees the full phone");

                // The CNCF SDK, as a .NET receiver would use it, reads the same event and validates its attributes.
                var decoded = WebhookEnvelope.Parse(e.Body);
                (decoded.Id, decoded.Type, decoded.Subject, decoded.SpecVersion.VersionId).ShouldBe((e.Id, e.Type, ticket.Number, "1.0"));
                decoded[WebhookEnvelope.SequenceAttribute].ShouldBe(e.Event.GetProperty("hotlinesequence").GetString());
                ((System.Text.Json.JsonElement)decoded.Data!).GetProperty("ticket").GetProperty("number").GetString().ShouldBe(ticket.Number);
            }

            var accepted = events[2].Event.GetProperty("data");
            accepted.GetProperty("ticket").GetProperty("status").GetString().ShouldBe(nameof(TicketStatus.Accepted));
            accepted.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ShouldContain("cn.hotline.ticket.accepted");

            var stats = (await ListAsync()).Single(w => w.Id == webhook.Id).Stats;
            (stats.Pending, stats.Dead).ShouldBe((0, 0));
            stats.Delivered24h.ShouldBeGreaterThanOrEqualTo(3);
            stats.AverageLatencyMs24h.ShouldNotBeNull();
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task Delivery_Should_RetryWithBackoff_AndHoldTheOrdersLaterEvents_When_TheReceiverFails()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "flaky");
        try
        {
            receiver.AnswerNext(500, 503);
            var ticket = await RegisterAndDispatchAsync();

            await DrainAsync();
            receiver.Requests.Count.ShouldBe(1, "the registration failed once; the dispatch waits behind it");
            await DrainAsync();
            receiver.Requests.Count.ShouldBe(1, "the retry is not due before its delay");

            Clock.Advance(TimeSpan.FromSeconds(10));
            await DrainAsync();
            receiver.Requests.Count.ShouldBe(2);
            Clock.Advance(TimeSpan.FromSeconds(19));
            await DrainAsync();
            receiver.Requests.Count.ShouldBe(2, "the second wait doubles to 20 s");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await DrainAsync();

            var all = receiver.Requests.Where(r => r.Subject == ticket.Number).ToList();
            all.Select(r => (r.Type, r.Status, r.Attempt)).ShouldBe([
                ("cn.hotline.ticket.registered", 500, "1"),
                ("cn.hotline.ticket.registered", 503, "2"),
                ("cn.hotline.ticket.registered", 200, "3"),
                ("cn.hotline.ticket.dispatched", 200, "1"),
            ]);
            all.Take(3).Select(r => r.Id).Distinct().Count().ShouldBe(1, "a retry carries the same event id");
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task DeadLetters_Should_BeListed_AndRedelivered_When_TheRetryWindowHasPassed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "down");
        try
        {
            receiver.Always = 503;
            var ticket = await RegisterAsync();
            await DrainAsync();

            // A day of failures: the event's retry window began 24 hours and a minute ago.
            await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
                var past = Clock.GetUtcNow().AddHours(-24).AddMinutes(-1);
                await db.WebhookDeliveries.Where(d => d.SubscriptionId == webhook.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.RetryFrom, past), Ct);
            }

            Clock.Advance(TimeSpan.FromSeconds(10));
            await DrainAsync();
            using var admin = await ClientAsync("admin");
            var dead = await (await admin.GetAsync($"/api/admin/webhooks/{webhook.Id}/dead-letters", Ct)).ReadAsync<List<WebhookDeliveryDto>>();
            dead.Count.ShouldBe(1);
            (dead[0].TicketNumber, dead[0].Type, dead[0].Attempts, dead[0].LastStatusCode).ShouldBe((ticket.Number, "cn.hotline.ticket.registered", 2, (int?)503));
            var stats = (await ListAsync()).Single(w => w.Id == webhook.Id).Stats;
            (stats.Pending, stats.Dead).ShouldBe((0, 1));
            stats.LastError!.ShouldContain("503");

            Clock.Advance(TimeSpan.FromHours(2));
            await DrainAsync();
            receiver.Requests.Count.ShouldBe(2, "a dead letter is not retried by itself");

            receiver.Always = null;
            var requeued = await (await admin.PostAsJsonAsync($"/api/admin/webhooks/{webhook.Id}/dead-letters/redeliver", new RedeliverRequest([dead[0].Id]), Json.Options, Ct))
                .ReadAsync<WebhookRedeliveredDto>();
            requeued.Requeued.ShouldBe(1);
            await DrainAsync();
            receiver.Delivered.Single().Id.ShouldBe(dead[0].Id.ToString(), "redelivered with the same event id");
            (await (await admin.GetAsync($"/api/admin/webhooks/{webhook.Id}/dead-letters", Ct)).ReadAsync<List<WebhookDeliveryDto>>()).ShouldBeEmpty();

            var again = await (await admin.PostAsJsonAsync($"/api/admin/webhooks/{webhook.Id}/dead-letters/redeliver", new RedeliverRequest([dead[0].Id]), Json.Options, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict);
            again.GetProperty("detail").GetString()!.ShouldContain("失败列表");
            var audit = await (await admin.GetAsync($"/api/admin/audit?action={AuditActions.WebhookRedelivered}", Ct)).ReadAsync<PagedResult<AuditEntryDto>>();
            audit.Items.ShouldContain(e => e.TargetId == webhook.Id.ToString());
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task HeldLane_Should_DeadLetterOnlyTheEventsPastTheirRetryWindow_When_ItExpiresThem()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "expire");
        try
        {
            var old = await RegisterAsync();
            var recent = await RegisterAsync();
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var past = Clock.GetUtcNow().AddHours(-24).AddMinutes(-1);
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == webhook.Id && d.TicketNumber == old.Number)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.RetryFrom, past), Ct);

            (await Dispatcher.ExpireAsync(webhook.Id, Ct)).ShouldBe(1);
            var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == webhook.Id).ToListAsync(Ct);
            var dead = rows.Single(d => d.TicketNumber == old.Number);
            (dead.Status, dead.Attempts).ShouldBe((WebhookDeliveryStatus.Dead, 0));
            dead.DeadAt.ShouldNotBeNull().ShouldBe(Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
            dead.LastError!.ShouldContain("retry window");
            rows.Single(d => d.TicketNumber == recent.Number).Status.ShouldBe(WebhookDeliveryStatus.Pending, "its window is still open");
            receiver.Requests.ShouldBeEmpty("expiring sends nothing");
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task GroupLease_Should_TakeOnlyTheRowsNoOtherWorkerHolds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "group-lease");
        try
        {
            await RegisterAsync();
            await RegisterAsync();
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var ids = await db.WebhookDeliveries.Where(d => d.SubscriptionId == webhook.Id).OrderBy(d => d.ChangeSequence).Select(d => d.Id).ToListAsync(Ct);
            ids.Count.ShouldBe(2);
            var settings = new WebhookOptions();
            (await db.WebhookDeliveries.TryLeaseAsync(ids[0], Guid.NewGuid(), Clock.GetUtcNow(), settings, Ct)).ShouldBeTrue("another worker takes the first");

            var mine = Guid.NewGuid();
            (await db.WebhookDeliveries.TryLeaseManyAsync(ids, mine, Clock.GetUtcNow(), settings, Ct)).ShouldBe([ids[1]]);
            (await db.WebhookDeliveries.TryLeaseManyAsync(ids, Guid.NewGuid(), Clock.GetUtcNow(), settings, Ct)).ShouldBeEmpty("both are held now");
            (await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == ids[1], Ct)).LeaseId.ShouldBe(mine);
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task UnitSubscriber_Should_HearOnlyOfItsOrders_MaskedAsTheUnitSeesThem()
    {
        var units = await UnitIdsAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "water-unit", units["water"]);
        try
        {
            var ticket = await RegisterAndDispatchAsync();
            await RedispatchAsync(ticket.Id, from: "water", to: "gas");
            await AcceptAsync(ticket.Id, "gas");
            await DrainAsync();

            var events = receiver.Delivered.Where(r => r.Subject == ticket.Number).ToList();
            events.Select(e => e.Type).ShouldBe(["cn.hotline.ticket.dispatched", "cn.hotline.ticket.return-requested"],
                "not the registration (no unit yet), nor anything after the order went to gas");
            foreach (var e in events)
            {
                var citizen = e.Event.GetProperty("data").GetProperty("ticket").GetProperty("citizen");
                citizen.GetProperty("phone").GetString().ShouldBe("138****5678");
            }
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task Delivery_Should_LoseAndReorderNothing_When_TheWorkerDiesMidDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await SubscribeAsync(receiver, "restart");
        try
        {
            receiver.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var ticket = await RegisterAndDispatchAsync();

            // Worker A sends the registration and dies while the receiver is still on it.
            using (var dying = CancellationTokenSource.CreateLinkedTokenSource(Ct))
            {
                var run = Dispatcher.RunOnceAsync(dying.Token);
                await receiver.WaitForRequestAsync(Ct);
                await dying.CancelAsync();
                await Should.ThrowAsync<OperationCanceledException>(run);
            }

            receiver.Hold = null;
            await DrainAsync();
            receiver.Requests.Count.ShouldBe(1, "the dead worker's lease still holds the registration, and the dispatch waits behind it");

            Clock.Advance(TimeSpan.FromSeconds(61));
            await DrainAsync();
            var arrived = receiver.Requests.Where(r => r.Subject == ticket.Number).ToList();
            arrived.Select(r => (r.Type, r.Status)).ShouldBe([
                ("cn.hotline.ticket.registered", 0),
                ("cn.hotline.ticket.registered", 200),
                ("cn.hotline.ticket.dispatched", 200),
            ]);
            arrived[0].Id.ShouldBe(arrived[1].Id, "sent again with the same id: the receiver drops the duplicate");
        }
        finally
        {
            await DeleteAsync(webhook.Id);
        }
    }

    [Fact]
    public async Task Lanes_Should_KeepAHealthySubscriberCurrent_AndHoldAFailingOne_When_OthersAreSlowOrDown()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var slow = await WebhookReceiver.StartAsync();
        await using var down = await WebhookReceiver.StartAsync();
        var hooks = new[] { await SubscribeAsync(healthy, "lane-healthy"), await SubscribeAsync(slow, "lane-slow"), await SubscribeAsync(down, "lane-down") };
        slow.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        down.Always = 503;
        var service = new Hotline.Core.Jobs.WebhookDeliveryService(
            Dispatcher,
            Fixture.Factory.Services.GetRequiredService<Hotline.Core.Features.Exchange.PeerDispatcher>(),
            Microsoft.Extensions.Options.Options.Create(new WebhookOptions { PollInterval = TimeSpan.FromMilliseconds(50), FirstRetryDelay = TimeSpan.FromMinutes(10) }),
            Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Hotline.Core.Jobs.WebhookDeliveryService>.Instance);
        try
        {
            var first = new List<TicketDto>();
            for (var i = 0; i < 10; i++)
            {
                first.Add(await RegisterAsync());
            }

            await service.StartAsync(Ct);
            await slow.WaitForRequestAsync(Ct);
            await WaitUntilAsync(() => first.All(t => healthy.Delivered.Any(r => r.Subject == t.Number)), "the healthy subscriber gets the first orders");

            // The slow subscriber still holds its first batch in flight: a later order still reaches the healthy one at once.
            var later = await RegisterAndDispatchAsync();
            await WaitUntilAsync(() => healthy.Delivered.Count(r => r.Subject == later.Number) == 2, "a later order does not wait for the slow subscriber");
            slow.Hold.Task.IsCompleted.ShouldBeFalse();
            slow.Delivered.ShouldBeEmpty("the slow subscriber has answered nothing yet");

            // The down subscriber failed its first attempts and is held: the rest of its events wait, not attempted.
            await WaitUntilAsync(() => !down.Requests.IsEmpty, "the down subscriber was tried");
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var downRows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == hooks[2].Id).ToListAsync(Ct);
            downRows.Count.ShouldBe(12);
            downRows.ShouldAllBe(d => d.Status == WebhookDeliveryStatus.Pending);
            down.Requests.Count.ShouldBeLessThanOrEqualTo(new WebhookOptions().Concurrency, "the first failure stops the lane's round: only the events already in flight were sent");
            downRows.Count(d => d.Attempts == 0).ShouldBeGreaterThan(0, "the held lane leaves its other events untried");
            downRows.Where(d => d.Attempts == 0).ShouldAllBe(d => d.LeaseId == null, "and releases the ones it leased but did not send");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
            slow.Hold.TrySetResult();
            foreach (var hook in hooks)
            {
                await DeleteAsync(hook.Id);
            }
        }
    }

    [Fact]
    public async Task Subscribers_Should_BeAdminOnly_ShowTheSecretOnce_AndRefuseBadInput()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = await ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("generated", receiver.Url, null, ["cn.hotline.ticket.closed"], null, true), Json.Options, Ct))
            .ReadAsync<WebhookCreatedDto>(HttpStatusCode.Created);
        try
        {
            created.Secret.ShouldStartWith("whsec_");
            created.Secret.Length.ShouldBe(6 + 64);
            var changed = await (await admin.PutAsJsonAsync($"/api/admin/webhooks/{created.Webhook.Id}", new SaveWebhookRequest("generated", receiver.Url, null, [], null, false), Json.Options, Ct))
                .ReadAsync<WebhookCreatedDto>();
            (changed.Secret, changed.Webhook.Active, changed.Webhook.EventTypes.Count).ShouldBe((string.Empty, false, 0));

            var scheme = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("ftp", "ftp://127.0.0.1/x", Secret, null, null, true), Json.Options, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            scheme.GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain("http");
            var types = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("types", receiver.Url, Secret, ["cn.hotline.ticket.nope"], null, true), Json.Options, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            types.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.StartsWith("eventTypes", StringComparison.Ordinal));
            (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("short", receiver.Url, "short", null, null, true), Json.Options, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("unit", receiver.Url, Secret, null, Guid.NewGuid(), true), Json.Options, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("generated", receiver.Url, Secret, null, null, true), Json.Options, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "names are unique");
            (await admin.PutAsJsonAsync($"/api/admin/webhooks/{Guid.NewGuid()}", new SaveWebhookRequest("x", receiver.Url, Secret, null, null, true), Json.Options, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
            using var supervisor = await ClientAsync("supervisor");
            (await supervisor.GetAsync("/api/admin/webhooks", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            var audit = await (await admin.GetAsync($"/api/admin/audit?action={AuditActions.WebhookCreated}", Ct)).ReadAsync<PagedResult<AuditEntryDto>>();
            var entry = audit.Items.Where(e => e.TargetId == created.Webhook.Id.ToString()).ShouldHaveSingleItem();
            (entry.Changes ?? string.Empty).ShouldNotContain(created.Secret, Case.Sensitive, "the audit trail never holds the secret");
        }
        finally
        {
            await DeleteAsync(created.Webhook.Id);
        }
    }

    private async Task<WebhookDto> SubscribeAsync(WebhookReceiver receiver, string name, Guid? unitId = null)
    {
        using var admin = await ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest($"{name}-{Fixture.Provider}", receiver.Url, Secret, null, unitId, true), Json.Options, Ct))
            .ReadAsync<WebhookCreatedDto>(HttpStatusCode.Created);
        created.Secret.ShouldBe(Secret);
        return created.Webhook;
    }

    private async Task<List<WebhookDto>> ListAsync()
    {
        using var admin = await ClientAsync("admin");
        return await (await admin.GetAsync("/api/admin/webhooks", Ct)).ReadAsync<List<WebhookDto>>();
    }

    private async Task DeleteAsync(Guid id)
    {
        using var admin = await ClientAsync("admin");
        (await admin.DeleteAsync($"/api/admin/webhooks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>Waits, bounded, for a condition that the delivery service makes true.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(8));
        while (!condition())
        {
            timeout.IsCancellationRequested.ShouldBeFalse($"timed out: {what}");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Runs the dispatcher until nothing more is due now.</summary>
    private async Task DrainAsync()
    {
        for (var round = 0; round < 50 && await Dispatcher.RunOnceAsync(Ct) > 0; round++)
        {
        }
    }

    public sealed class OnSqlite(WebhookFixture.OnSqlite fixture) : WebhookTests(fixture), IClassFixture<WebhookFixture.OnSqlite>;

    public sealed class OnPostgreSql(WebhookFixture.OnPostgreSql fixture) : WebhookTests(fixture), IClassFixture<WebhookFixture.OnPostgreSql>;
}

public abstract class WebhookFixture(DatabaseProvider provider, FakeTimeProvider clock) : ApiFixture(provider, clock, new Dictionary<string, string?>
{
    ["Exchange:AllowPrivateTargets"] = "true",
    ["Webhooks:Deliver"] = "false",
})
{
    public FakeTimeProvider Clock { get; } = clock;

    public sealed class OnSqlite() : WebhookFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public sealed class OnPostgreSql() : WebhookFixture(DatabaseProvider.PostgreSql, new FakeTimeProvider(DateTimeOffset.UtcNow));
}
