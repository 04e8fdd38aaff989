using Hotline.Api.Auth;
using Hotline.Api.Exchange;
using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Exchange;
using Hotline.Core.Features.Exchange.EmergencyHandover;
using Hotline.Core.Features.Exchange.ListPeers;
using Hotline.Core.Features.Exchange.ReceivePeerStatus;
using Hotline.Core.Features.Exchange.ReceiveTransfer;
using Hotline.Core.Features.Exchange.ListPeerDeadMessages;
using Hotline.Core.Features.Exchange.RedeliverPeerMessages;
using Hotline.Core.Features.Exchange.SavePeer;
using Hotline.Core.Features.Exchange.TransferOut;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Endpoints;

/// <summary>
/// 跨平台转办 and 紧急移交 (docs/integration.md, "Hand-over between hotlines"): the Admin's peer platforms, the staff's
/// transfer-out and emergency hand-over on an order, and the endpoints peers call, authenticated by their signature.
/// </summary>
public static class ExchangeEndpoints
{
    private static readonly DateTimeOffset ExampleAt = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    private static readonly PeerTransferMessage TransferExample = new(
        PeerMessageTypes.Transfer,
        "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
        new PeerOrder("20261203000042", TicketType.Complaint, Urgency.Normal, "sw-ts", "停水", new CitizenDto("张先生", "13812345678", false),
            new LocationDto("dc", "dc-dhm", "东华门大街1号", null, null), "东城区", "小区停水三天，物业不予答复。", ExampleAt.AddHours(-1)),
        "该地址属于贵市辖区，请接办。",
        "supervisor",
        ExampleAt);

    private static readonly PeerStatusMessage StatusExample = new(
        PeerMessageTypes.Status, "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "20261203000117", TicketStatus.Replied, 6, "已恢复供水，并督促物业公示停水原因。", ExampleAt.AddHours(5));

    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/peers").WithTags("Exchange").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListPeers(), ct))
            .WithSummary("平台对接: every peer platform (other hotlines, 110/119/120/122) with its outbox: pending, dead, last delivery and error");
        admin.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetPeer(id), ct))
            .WithSummary("One peer platform").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/", async (SavePeerRequest body, IMediator m, CancellationToken ct) =>
            {
                var saved = await m.Send(new SavePeer(null, body), ct);
                return TypedResults.Created($"/api/admin/peers/{saved.Peer.Id}", saved);
            })
            .WithSummary("Add a peer platform: kind Hotline (transfers both ways) or 110/119/120/122 (hand-over records); the answer shows the shared secret once (given, or generated when left out)")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.Example(new SavePeerRequest("天津12345", PeerKinds.Hotline, "https://12345.tj.example/api/exchange/", "jing-jin-ji", null, true)))
            .ProducesValidationProblem();
        admin.MapPut("/{id:guid}", (Guid id, SavePeerRequest body, IMediator m, CancellationToken ct) => m.Send(new SavePeer(id, body), ct))
            .WithSummary("Change a peer platform; a secret given replaces the old one (shown in the answer), none keeps it; active true enables it again")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.Example(new SavePeerRequest("天津12345", PeerKinds.Hotline, "https://12345.tj.example/api/exchange/", "jing-jin-ji", null, true)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/disable", (Guid id, IMediator m, CancellationToken ct) => m.Send(new DisablePeer(id), ct))
            .WithSummary("Disable a peer: not offered for transfers, its requests refused (401), its waiting messages kept until it is enabled again")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/{id:guid}/dead-letters", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListPeerDeadMessages(id), ct))
            .WithSummary("The peer's messages given up after the retry window, newest first (at most 500)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/redeliver", (Guid id, RedeliverPeerRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new RedeliverPeerMessages(id, body?.MessageIds ?? []), ct))
            .WithSummary("Queue the peer's dead messages again (the messageIds given, from its dead letters, or all): same bodies and ids, a fresh 24-hour window; {requeued}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(Policies.AnyStaff)
            .WithMetadata(Idempotency.IdempotentWrites.Enabled);
        tickets.MapGet("/transfer-targets", (IMediator m, CancellationToken ct) => m.Send(new ListTransferTargets(), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("The active peer hotlines an order can be transferred to");
        tickets.MapPost("/{id:guid}/transfer-out", (Guid id, TransferOutRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new TransferOut(id, body.PeerId, body.Note, TicketEndpoints.Version(http, body.Version)), ct))
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("转办其他平台: hand an order that belongs to another city to a peer hotline (→ Closed TransferredOut); sent by the job host, transferOut shows the peer's number and status as they come back; 400 for an unknown, disabled or non-hotline peer, 409 for a closed, replied or already transferred order (nothing sent)")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.Example(new TransferOutRequest(Guid.Parse("3f2b8c1e-5d4a-4b6c-9e7f-0a1b2c3d4e5f"), "该地址属于天津市，请接办。", 3)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/emergency-handover", (Guid id, EmergencyHandoverRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new EmergencyHandover(id, body.Service, body.Note, TicketEndpoints.Version(http, body.Version)), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("紧急移交 to 110/119/120/122: recorded on the timeline; sent: true when the record (number, caller, address, content, agent, time) is queued to the configured peer of that service, false when none is configured (hand over by phone; recorded here only)")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.Example(new EmergencyHandoverRequest(PeerKinds.Police, "来电称有人持刀伤人，已三方转接110。", null)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var peers = app.MapGroup("/api/exchange").WithTags("Exchange (peer platforms)").AllowAnonymous().DisableAntiforgery();
        peers.MapPost("/transfers", ReceiveTransferAsync)
            .WithSummary("For peers: an order handed over (signed). Registered here with channel Transfer; 201 {reference, status} the first time, 200 with the same answer for a repeat of the transferId; 401 for a bad key or signature, 400 for a malformed order, 409 for a transferId reused with another order")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.PeerBody<PeerTransferMessage>(TransferExample))
            .Produces<PeerTransferAck>(StatusCodes.Status201Created).Produces<PeerTransferAck>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict);
        peers.MapPost("/transfers/{transferId:guid}/status", ReceiveStatusAsync)
            .WithSummary("For peers: the status of an order we transferred to them (signed); applied: false for an update not newer (by version) than the last one; 404 for a transfer that is not theirs")
            .AddOpenApiOperationTransformer(ExchangeOpenApi.PeerBody<PeerStatusMessage>(StatusExample))
            .Produces<PeerStatusAck>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ReceiveTransferAsync(HttpContext http, PeerAuthenticator authenticator, IOptions<JsonOptions> json, IMediator m, CancellationToken ct)
    {
        var read = await PeerRequests.ReadAsync<PeerTransferMessage>(http, authenticator, json, ct);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        var received = await m.Send(new ReceiveTransfer(read.Peer!, read.Body!), ct);
        return received.Created ? TypedResults.Created((string?)null, received.Ack) : TypedResults.Ok(received.Ack);
    }

    private static async Task<IResult> ReceiveStatusAsync(Guid transferId, HttpContext http, PeerAuthenticator authenticator, IOptions<JsonOptions> json, IMediator m, CancellationToken ct)
    {
        var read = await PeerRequests.ReadAsync<PeerStatusMessage>(http, authenticator, json, ct);
        return read.Refusal ?? TypedResults.Ok(await m.Send(new ReceivePeerStatus(read.Peer!.Id, transferId, read.Body!), ct));
    }
}
