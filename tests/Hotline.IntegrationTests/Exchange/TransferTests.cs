using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Exchange;
using Hotline.Core.Features.Webhooks;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Exchange;

/// <summary>
/// 跨平台转办 between two Hotline instances over real HTTP on 127.0.0.1 (docs/integration.md, "Hand-over between
/// hotlines"): A transfers, B registers the order with its source, B's status comes back to A; refusals send nothing;
/// a peer that is down gets the transfer once it is back, once; a worker that died holding a message is replaced;
/// the 110 hand-over with and without a peer; and the transferred order counts in no rate.
/// </summary>
public abstract class TransferTests(ExchangeFixture fixture) : ApiTestBase(fixture.A)
{
    private ExchangeNode A => fixture.A;

    private ExchangeNode B => fixture.B;

    [Fact]
    public async Task Transfer_Should_CloseTheOrderHere_RegisterItThere_AndBringThePeersStatusBack()
    {
        var (peerOnA, _) = await LinkAsync("tj");
        var content = $"天津市和平区南京路停水 {Guid.NewGuid():N}";
        var order = await RegisterAsync(NewTicket(content: content));

        using var supervisor = await A.ClientForAsync("supervisor");
        var targets = await (await supervisor.GetAsync("/api/tickets/transfer-targets", Ct)).ReadAsync<List<TransferTargetDto>>();
        targets.ShouldContain(t => t.Id == peerOnA.Id);
        var closed = await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, "地址属于天津市", order.Version), Json.Options, Ct))
            .ReadAsync<TicketDto>();
        (closed.Status, closed.CloseReason).ShouldBe((TicketStatus.Closed, CloseReason.TransferredOut));
        closed.TransferOut.ShouldNotBeNull().ShouldSatisfyAllConditions(
            t => t.PeerName.ShouldBe(peerOnA.Name),
            t => t.Status.ShouldBe(PeerTransferStatuses.Pending),
            t => t.PeerReference.ShouldBeNull());
        closed.Timeline.Last().Action.ShouldBe(TimelineActions.TransferredOut);

        (await DrainAsync(A)).ShouldBe(1);
        var incoming = await FindTransferredInAsync(B, content);
        incoming.ShouldSatisfyAllConditions(
            t => (t.Status, t.Channel).ShouldBe((TicketStatus.Registered, Channel.Transfer)),
            t => t.TransferSource.ShouldNotBeNull().Reference.ShouldBe(order.Number),
            t => t.TransferSource!.PeerName.ShouldStartWith("A-"),
            t => t.TransferSource!.TransferId.ShouldBe(closed.TransferOut!.TransferId.ToString()),
            t => t.Citizen.Phone.ShouldBe(CitizenPhone),
            t => t.Timeline[0].Note!.ShouldContain($"对方工单编号 {order.Number}：地址属于天津市"),
            t => t.Timeline[0].ActorName.ShouldEndWith("（对接平台）"));
        var acknowledged = await TicketOnAsync(A, order.Id);
        acknowledged.TransferOut!.ShouldSatisfyAllConditions(
            t => t.PeerReference.ShouldBe(incoming.Number),
            t => t.Status.ShouldBe(nameof(TicketStatus.Registered)));
        acknowledged.Timeline.Last().Action.ShouldBe(TimelineActions.TransferAcknowledged);

        // B handles the order to the end; every change of status goes back to A, in order.
        await HandleToCallbackAsync(B, incoming.Id);
        (await DrainAsync(B)).ShouldBeGreaterThanOrEqualTo(4);
        var final = await TicketOnAsync(A, order.Id);
        final.TransferOut!.ShouldSatisfyAllConditions(
            t => t.Status.ShouldBe(nameof(TicketStatus.Closed)),
            t => t.StatusText.ShouldBe("已办结"),
            t => t.PeerReference.ShouldBe(incoming.Number));
        var updates = final.Timeline.Where(e => e.Action == TimelineActions.TransferStatusUpdated).Select(e => e.Note!).ToList();
        updates.Select(n => n.Split('：')[1].Split('。')[0]).ShouldBe(["待签收", "办理中", "待回访", "已办结"]);
        updates.Last().ShouldContain("已恢复供水");
        (final.Status, final.CloseReason).ShouldBe((TicketStatus.Closed, CloseReason.TransferredOut), "the order stays closed here");

        (await DrainAsync(A)).ShouldBe(0);
        (await DrainAsync(B)).ShouldBe(0);
    }

    [Fact]
    public async Task TransferOut_Should_Answer4xx_AndSendNothing_When_Duplicate_Closed_UnknownPeer_OrNotAHotline()
    {
        var (peerOnA, _) = await LinkAsync("refuse");
        using var supervisor = await A.ClientForAsync("supervisor");
        var order = await RegisterAsync();
        (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var duplicate = await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        duplicate.GetProperty("detail").GetString()!.ShouldContain("不能重复转办");

        using var agent = await A.ClientForAsync("agent");
        var answered = await RegisterAsync();
        await (await agent.PostAsJsonAsync($"/api/tickets/{answered.Id}/answer", new AnswerRequest("已解答", null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var closed = await (await supervisor.PostAsJsonAsync($"/api/tickets/{answered.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        closed.GetProperty("detail").GetString()!.ShouldContain("已办结");

        var open = await RegisterAsync();
        (await (await supervisor.PostAsJsonAsync($"/api/tickets/{open.Id}/transfer-out", new TransferOutRequest(Guid.NewGuid(), null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("peerId");
        (await supervisor.PostAsJsonAsync($"/api/tickets/{open.Id}/transfer-out", new TransferOutRequest(null, null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ambulance = await SavePeerAsync(A, new SavePeerRequest($"120-{Guid.NewGuid():N}"[..20], PeerKinds.Ambulance, "http://127.0.0.1:9/", $"k-{Guid.NewGuid():N}", null, false));
        (await supervisor.PostAsJsonAsync($"/api/tickets/{open.Id}/transfer-out", new TransferOutRequest(ambulance.Peer.Id, null, null), Json.Options, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "an emergency service takes hand-over records, not orders");
        (await agent.PostAsJsonAsync($"/api/tickets/{open.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TicketOnAsync(A, open.Id)).Status.ShouldBe(TicketStatus.Registered);

        await using var scope = A.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.PeerMessages.CountAsync(m => m.TicketId == order.Id, Ct)).ShouldBe(1, "the refused second transfer wrote nothing");
        (await db.PeerMessages.CountAsync(m => m.TicketId == answered.Id || m.TicketId == open.Id, Ct)).ShouldBe(0);
        (await DrainAsync(A)).ShouldBe(1, "the one transfer made");
    }

    [Fact]
    public async Task IncomingTransfers_Should_Answer401_ForBadCredentials_AndBeIdempotentByTransferId()
    {
        var (_, peerOnB) = await LinkAsync("auth");
        var key = peerOnB.Key;
        var message = new PeerTransferMessage(PeerMessageTypes.Transfer, Guid.NewGuid().ToString(),
            new PeerOrder("A-0001", TicketType.Complaint, Urgency.Normal, "sw-ts", "停水", new CitizenDto("王女士", "13900001111", false),
                new LocationDto("dc", "dc-dhm", "东华门大街 2 号", null, null), "东城区", $"直接调用 {Guid.NewGuid():N}", Clock.GetUtcNow()),
            null, "tester", Clock.GetUtcNow());
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, Json.Options);
        using var http = B.AnonymousClient();

        (await SendAsync(http, "transfers", body, key, "wrong-secret-0123456789")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(http, "transfers", body, "no-such-key", Secret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(http, "transfers", body, null, Secret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(http, "transfers", body, key, Secret, Clock.GetUtcNow().AddMinutes(-6))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a stale timestamp is a replay");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("A-0001", "A-0002", StringComparison.Ordinal));
        using (var request = Signed("transfers", body, key, Secret))
        {
            request.Content = new ByteArrayContent(tampered) { Headers = { ContentType = new("application/json") } };
            (await http.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the signature covers the body");
        }

        var first = await (await SendAsync(http, "transfers", body, key, Secret)).ReadAsync<PeerTransferAck>(HttpStatusCode.Created);
        var again = await (await SendAsync(http, "transfers", body, key, Secret)).ReadAsync<PeerTransferAck>(HttpStatusCode.OK);
        again.ShouldBe(first, "a repeat answers the order already registered");
        var other = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message with { Order = message.Order with { Content = "另一件事" } }, Json.Options);
        (await SendAsync(http, "transfers", other, key, Secret)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SendAsync(http, "transfers", "{not json"u8.ToArray(), key, Secret)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badCategory = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message with { TransferId = Guid.NewGuid().ToString(), Order = message.Order with { CategoryCode = "no-such" } }, Json.Options);
        (await (await SendAsync(http, "transfers", badCategory, key, Secret)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("order.categoryCode");

        var status = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new PeerStatusMessage(PeerMessageTypes.Status, message.TransferId, "X", TicketStatus.Dispatched, 1, null, Clock.GetUtcNow()), Json.Options);
        (await SendAsync(http, $"transfers/{message.TransferId}/status", status, key, Secret)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "B transferred nothing under that id to this peer");

        await using var scope = B.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.Tickets.CountAsync(t => t.SourceTransferId == message.TransferId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Transfer_Should_ArriveOnce_When_ThePeerIsDownAndComesBack()
    {
        await using var proxy = TcpProxy.Start("127.0.0.1", B.Port);
        var (peerOnA, _) = await LinkAsync("down", $"http://127.0.0.1:{proxy.Port}/api/exchange/");
        var content = $"对方平台停机期间的转办 {Guid.NewGuid():N}";
        var order = await RegisterAsync(NewTicket(content: content));
        proxy.Cut();
        using var supervisor = await A.ClientForAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        (await DrainAsync(A)).ShouldBe(1);
        var waiting = await PeerAsync(A, peerOnA.Id);
        (waiting.Stats.Pending, waiting.Stats.Dead).ShouldBe((1, 0));
        waiting.Stats.LastError.ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromSeconds(10));
        (await DrainAsync(A)).ShouldBe(1, "retried after 10 s, still down");

        proxy.Restore();
        (await DrainAsync(A)).ShouldBe(0, "the next attempt waits for its 20 s");
        Clock.Advance(TimeSpan.FromSeconds(20));
        (await DrainAsync(A)).ShouldBe(1);
        (await PeerAsync(A, peerOnA.Id)).Stats.Pending.ShouldBe(0);
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await DrainAsync(A)).ShouldBe(0);

        await using var scope = B.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.Tickets.CountAsync(t => t.Content == content, Ct)).ShouldBe(1, "delivered once");
        (await TicketOnAsync(A, order.Id)).TransferOut!.PeerReference.ShouldNotBeNull();
    }

    [Fact]
    public async Task DeadTransfer_Should_BeDeliveredOnce_When_TheAdminRedeliversIt()
    {
        await using var proxy = TcpProxy.Start("127.0.0.1", B.Port);
        var (peerOnA, _) = await LinkAsync("dead", $"http://127.0.0.1:{proxy.Port}/api/exchange/");
        var content = $"对方平台停机超过一天的转办 {Guid.NewGuid():N}";
        var order = await RegisterAsync(NewTicket(content: content));
        proxy.Cut();
        using var supervisor = await A.ClientForAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        (await DrainAsync(A)).ShouldBe(1);

        // A day of failures: the message's retry window began 24 hours and a minute ago.
        await using (var scope = A.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var past = Clock.GetUtcNow().AddHours(-24).AddMinutes(-1);
            await db.PeerMessages.Where(m => m.TicketId == order.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.RetryFrom, past), Ct);
        }

        Clock.Advance(TimeSpan.FromSeconds(10));
        (await DrainAsync(A)).ShouldBe(1);
        (await PeerAsync(A, peerOnA.Id)).Stats.ShouldSatisfyAllConditions(s => s.Dead.ShouldBe(1), s => s.Pending.ShouldBe(0));
        proxy.Restore();
        Clock.Advance(TimeSpan.FromHours(2));
        (await DrainAsync(A)).ShouldBe(0, "a dead message is not retried by itself");

        using var admin = await A.ClientForAsync("admin");
        var deadLetters = await admin.GetFromJsonAsync<List<PeerDeadMessageDto>>($"/api/admin/peers/{peerOnA.Id}/dead-letters", Json.Options, Ct);
        var deadLetter = deadLetters!.ShouldHaveSingleItem();
        (deadLetter.Type, deadLetter.TicketId, deadLetter.TicketNumber).ShouldBe((PeerMessageTypes.Transfer, order.Id, order.Number));
        deadLetter.LastError.ShouldNotBeNull();
        deadLetter.DeadAt.ShouldNotBeNull();

        // A message that is not among the peer's dead letters: refused, and the dead one stays dead.
        var refused = await admin.PostAsJsonAsync($"/api/admin/peers/{peerOnA.Id}/redeliver", new RedeliverPeerRequest([deadLetter.Id, Guid.NewGuid()]), Json.Options, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PeerAsync(A, peerOnA.Id)).Stats.Dead.ShouldBe(1);
        (await admin.PostAsync($"/api/admin/peers/{Guid.NewGuid()}/redeliver", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/admin/peers/{Guid.NewGuid()}/dead-letters", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await (await admin.PostAsJsonAsync($"/api/admin/peers/{peerOnA.Id}/redeliver", new RedeliverPeerRequest([deadLetter.Id]), Json.Options, Ct))
            .ReadAsync<PeerRedeliveredDto>()).Requeued.ShouldBe(1);
        (await admin.GetFromJsonAsync<List<PeerDeadMessageDto>>($"/api/admin/peers/{peerOnA.Id}/dead-letters", Json.Options, Ct))!.ShouldBeEmpty();
        (await DrainAsync(A)).ShouldBe(1);
        (await PeerAsync(A, peerOnA.Id)).Stats.Dead.ShouldBe(0);
        (await FindTransferredInAsync(B, content)).TransferSource!.Reference.ShouldBe(order.Number);
        (await TicketOnAsync(A, order.Id)).TransferOut!.PeerReference.ShouldNotBeNull();
    }

    [Fact]
    public async Task Transfer_Should_BeSentByAnotherProcess_When_TheWorkerHoldingItDied()
    {
        var (peerOnA, _) = await LinkAsync("restart");
        var content = $"进程重启后的转办 {Guid.NewGuid():N}";
        var order = await RegisterAsync(NewTicket(content: content));
        using var supervisor = await A.ClientForAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        // A worker leased the transfer and was killed before it sent it: the row holds its lease for a minute.
        await using (var scope = A.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var until = Clock.GetUtcNow().AddSeconds(60);
            (await db.PeerMessages.Where(m => m.TicketId == order.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseId, Guid.NewGuid()).SetProperty(m => m.LeasedUntil, until), Ct)).ShouldBe(1);
        }

        // Another process of A on the same database (a restarted job host) takes over once the lease has run out.
        await using var restarted = new HotlineApiFactory(A.Factory, ExchangeNode.NodeSettings);
        _ = restarted.Server;
        var dispatcher = restarted.Services.GetRequiredService<PeerDispatcher>();
        (await dispatcher.RunOnceAsync(Ct)).ShouldBe(0, "the dead worker's lease still holds it");
        Clock.Advance(TimeSpan.FromSeconds(61));
        (await dispatcher.RunOnceAsync(Ct)).ShouldBe(1);

        (await FindTransferredInAsync(B, content)).TransferSource!.Reference.ShouldBe(order.Number);
        (await TicketOnAsync(A, order.Id)).TransferOut!.Status.ShouldBe(nameof(TicketStatus.Registered));
    }

    [Fact]
    public async Task EmergencyHandover_Should_SendTheRecordToThePeer_When_OneIsConfiguredForThatService()
    {
        await using var receiver = await PeerReceiver.StartAsync();
        var key = $"110-{Guid.NewGuid():N}"[..24];
        var police = await SavePeerAsync(A, new SavePeerRequest($"市公安局110-{Fixture.Provider}", PeerKinds.Police, receiver.BaseUrl, key, Secret, true));
        try
        {
            var order = await RegisterAsync(NewTicket(content: $"有人持刀 {Guid.NewGuid():N}"));
            using var agent = await A.ClientForAsync("agent");
            var handed = await (await agent.PostAsJsonAsync($"/api/tickets/{order.Id}/emergency-handover", new EmergencyHandoverRequest("110", "已三方转接", null), Json.Options, Ct))
                .ReadAsync<EmergencyHandoverDto>();
            (handed.Sent, handed.PeerName).ShouldBe((true, police.Peer.Name));
            handed.Ticket.Timeline.Last().ShouldSatisfyAllConditions(
                e => e.Action.ShouldBe(TimelineActions.EmergencyHandedOver),
                e => e.Note!.ShouldContain($"移交记录已发送至 {police.Peer.Name}"));
            handed.Ticket.Status.ShouldBe(TicketStatus.Registered);

            (await DrainAsync(A)).ShouldBe(1);
            var record = receiver.Requests.ShouldHaveSingleItem();
            record.Path.ShouldBe("handovers");
            record.Peer.ShouldBe(key);
            WebhookSignature.Verify(Secret, record.Signature, record.Body, Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).ShouldBeTrue();
            var json = record.Json;
            (json.GetProperty("type").GetString(), json.GetProperty("service").GetString(), json.GetProperty("orderNumber").GetString()).ShouldBe(("handover", "110", order.Number));
            json.GetProperty("callerPhone").GetString().ShouldBe(CitizenPhone);
            json.GetProperty("address").GetString()!.ShouldContain("东华门大街1号");
            json.GetProperty("content").GetString().ShouldBe(order.Content);
            json.GetProperty("agent").GetString().ShouldNotBeNullOrWhiteSpace();
            json.GetProperty("note").GetString().ShouldBe("已三方转接");
        }
        finally
        {
            using var admin = await A.ClientForAsync("admin");
            (await admin.PostAsync($"/api/admin/peers/{police.Peer.Id}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task EmergencyHandover_Should_BeRecordedLocallyOnly_When_NoPeerIsConfiguredForThatService()
    {
        var order = await RegisterAsync();
        using var agent = await A.ClientForAsync("agent");
        var handed = await (await agent.PostAsJsonAsync($"/api/tickets/{order.Id}/emergency-handover", new EmergencyHandoverRequest("122", null, null), Json.Options, Ct))
            .ReadAsync<EmergencyHandoverDto>();

        (handed.Sent, handed.PeerName).ShouldBe((false, (string?)null));
        handed.Ticket.Timeline.Last().Note!.ShouldContain("未配置 122 对接平台，仅本地记录");
        (await agent.PostAsJsonAsync($"/api/tickets/{order.Id}/emergency-handover", new EmergencyHandoverRequest("999", null, null), Json.Options, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var scope = A.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.PeerMessages.CountAsync(m => m.TicketId == order.Id, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task TransferredOut_Should_CountInNoRateOfTheUnit_When_ADispatchedOrderIsTransferred()
    {
        var (peerOnA, _) = await LinkAsync("rates");
        var before = await WaterMeasuresAsync();
        var order = await RegisterAndDispatchAsync();
        (await WaterMeasuresAsync()).Dispatched.ShouldBe(before.Dispatched + 1);

        using var supervisor = await A.ClientForAsync("supervisor");
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{order.Id}/transfer-out", new TransferOutRequest(peerOnA.Id, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var after = await WaterMeasuresAsync();
        (after.Dispatched, after.ResponseLate, after.RespondedOnTime).ShouldBe((before.Dispatched, before.ResponseLate, before.RespondedOnTime));
        (await DueCallbacksAsync()).ShouldNotContain(c => c.Id == order.Id);
        (await DrainAsync(A)).ShouldBe(1);
    }

    [Fact]
    public async Task OpenApi_Should_DescribeTheExchange_WithSchemasAndExamples()
    {
        using var anonymous = A.AnonymousClient();
        using var document = System.Text.Json.JsonDocument.Parse(await (await anonymous.GetAsync("/openapi/v1.json", Ct)).Content.ReadAsStringAsync(Ct));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, field) in new[]
        {
            ("/api/exchange/transfers", "transferId"),
            ("/api/exchange/transfers/{transferId}/status", "version"),
            ("/api/tickets/{id}/transfer-out", "peerId"),
            ("/api/tickets/{id}/emergency-handover", "service"),
            ("/api/admin/peers", "baseUrl"),
        })
        {
            var body = paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            body.GetProperty("example").TryGetProperty(field, out _).ShouldBeTrue($"{path} has an example with {field}");
            body.TryGetProperty("schema", out _).ShouldBeTrue(path);
        }

        var transfer = paths.GetProperty("/api/exchange/transfers").GetProperty("post");
        transfer.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Hotline-Peer", "Hotline-Signature"]);
        transfer.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue();
    }

    private const string Secret = "peer-secret-0123456789abcdef";

    private Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => fixture.Clock;

    /// <summary>One link between A and B: each side's peer entry with the same key and secret; answers A's entry for B and B's for A.</summary>
    private async Task<(PeerDto OnA, PeerDto OnB)> LinkAsync(string name, string? baseUrlOfB = null)
    {
        var key = $"{name}-{Guid.NewGuid():N}"[..30];
        var onA = await SavePeerAsync(A, new SavePeerRequest($"B-{name}-{Fixture.Provider}", PeerKinds.Hotline, baseUrlOfB ?? B.ExchangeUrl, key, Secret, true));
        var onB = await SavePeerAsync(B, new SavePeerRequest($"A-{name}-{Fixture.Provider}", PeerKinds.Hotline, A.ExchangeUrl, key, Secret, true));
        onA.Secret.ShouldBe(Secret);
        return (onA.Peer, onB.Peer);
    }

    private static async Task<PeerSavedDto> SavePeerAsync(ExchangeNode node, SavePeerRequest body)
    {
        using var admin = await node.ClientForAsync("admin");
        return await (await admin.PostAsJsonAsync("/api/admin/peers", body, Json.Options, Ct)).ReadAsync<PeerSavedDto>(HttpStatusCode.Created);
    }

    private static async Task<PeerDto> PeerAsync(ExchangeNode node, Guid id)
    {
        using var admin = await node.ClientForAsync("admin");
        return await (await admin.GetAsync($"/api/admin/peers/{id}", Ct)).ReadAsync<PeerDto>();
    }

    private static async Task<TicketDto> TicketOnAsync(ExchangeNode node, Guid id)
    {
        using var supervisor = await node.ClientForAsync("supervisor");
        return await (await supervisor.GetAsync($"/api/tickets/{id}", Ct)).ReadAsync<TicketDto>();
    }

    private static async Task<TicketDto> FindTransferredInAsync(ExchangeNode node, string content)
    {
        using var supervisor = await node.ClientForAsync("supervisor");
        var page = await (await supervisor.GetAsync($"/api/tickets?channel=Transfer&q={Uri.EscapeDataString(content)}", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        return await TicketOnAsync(node, page.Items.ShouldHaveSingleItem().Id);
    }

    /// <summary>Dispatched by the catalogue to water, accepted, contacted, replied, reviewed if held, called back satisfied.</summary>
    private static async Task HandleToCallbackAsync(ExchangeNode node, Guid id)
    {
        using var agent = await node.ClientForAsync("agent");
        using var water = await node.ClientForAsync("water");
        using var supervisor = await node.ClientForAsync("supervisor");
        using var callback = await node.ClientForAsync("callback");
        await (await agent.PostAsJsonAsync($"/api/tickets/{id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        await (await water.PostAsync($"/api/tickets/{id}/accept", null, Ct)).ReadAsync<TicketDto>();
        await (await water.PostAsJsonAsync($"/api/tickets/{id}/contact", new NoteRequest("已电话联系", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var replied = await (await water.PostAsJsonAsync($"/api/tickets/{id}/reply", new ReplyRequest(true, "已恢复供水", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        if (replied.Review?.Status == ReviewStatus.Pending)
        {
            await (await supervisor.PostAsJsonAsync($"/api/tickets/{id}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        }

        var closed = await (await callback.PostAsJsonAsync($"/api/tickets/{id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        closed.Status.ShouldBe(TicketStatus.Closed);
    }

    private async Task<UnitMeasuresDto> WaterMeasuresAsync()
    {
        var water = (await UnitIdsAsync())["water"];
        var today = ChinaTime.DateOf(Clock.GetUtcNow());
        using var supervisor = await A.ClientForAsync("supervisor");
        var units = await (await supervisor.GetAsync($"/api/kpis/units?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct)).ReadAsync<List<UnitMeasuresDto>>();
        return units.SingleOrDefault(u => u.UnitId == water) ?? new UnitMeasuresDto { UnitId = water };
    }

    /// <summary>Runs a node's peer dispatcher until nothing more is due now; answers how many messages were attempted.</summary>
    private static async Task<int> DrainAsync(ExchangeNode node)
    {
        var dispatcher = node.Factory.Services.GetRequiredService<PeerDispatcher>();
        var total = 0;
        for (var round = 0; round < 20 && await dispatcher.RunOnceAsync(Ct) is var attempted and > 0; round++)
        {
            total += attempted;
        }

        return total;
    }

    private HttpRequestMessage Signed(string path, byte[] body, string? key, string secret, DateTimeOffset? at = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exchange/{path}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (key is not null)
        {
            request.Headers.Add(PeerDispatcher.PeerHeader, key);
        }

        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, (at ?? Clock.GetUtcNow()).ToUnixTimeSeconds(), body));
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, byte[] body, string? key, string secret, DateTimeOffset? at = null)
    {
        using var request = Signed(path, body, key, secret, at);
        return await http.SendAsync(request, Ct);
    }

    public sealed class OnSqlite(ExchangeFixture.OnSqlite fixture) : TransferTests(fixture), IClassFixture<ExchangeFixture.OnSqlite>;

    public sealed class OnPostgreSql(ExchangeFixture.OnPostgreSql fixture) : TransferTests(fixture), IClassFixture<ExchangeFixture.OnPostgreSql>;
}
