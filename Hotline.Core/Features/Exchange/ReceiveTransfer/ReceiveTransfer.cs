using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using Hotline.Core.Features.Webhooks;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Exchange.ReceiveTransfer;

/// <summary>
/// A peer hotline hands an order over (<c>POST /api/exchange/transfers</c>): registered here as <c>Registered</c> with
/// channel Transfer and the source on the order and its timeline. Idempotent by the peer's transfer id: a repeat answers
/// the order already registered (<see cref="ReceivedTransfer.Created"/> false); the same id with other content is a 409.
/// </summary>
public sealed record ReceiveTransfer(AuthenticatedPeer Peer, PeerTransferMessage Body) : IRequest<ReceivedTransfer>;

public sealed record ReceivedTransfer(PeerTransferAck Ack, bool Created);

public sealed class ReceiveTransferValidator : AbstractValidator<ReceiveTransfer>
{
    public ReceiveTransferValidator()
    {
        RuleFor(x => x.Body.Type).Equal(PeerMessageTypes.Transfer).OverridePropertyName("type").WithMessage("type 须为 transfer。");
        RuleFor(x => x.Body.TransferId).NotEmpty().MaximumLength(Ticket.MaxPeerReferenceLength).OverridePropertyName("transferId");
        RuleFor(x => x.Body.Note).MaximumLength(1000).OverridePropertyName("note");
        RuleFor(x => x.Body.SentBy).MaximumLength(100).OverridePropertyName("sentBy");
        RuleFor(x => x.Body.Order).NotNull().OverridePropertyName("order");
        When(x => x.Body.Order is not null, () =>
        {
            RuleFor(x => x.Body.Order.Number).NotEmpty().MaximumLength(Ticket.MaxPeerReferenceLength).OverridePropertyName("order.number");
            RuleFor(x => x.Body.Order.Type).IsInEnum().OverridePropertyName("order.type");
            RuleFor(x => x.Body.Order.Urgency).IsInEnum().OverridePropertyName("order.urgency");
            RuleFor(x => x.Body.Order.Content).NotEmpty().MaximumLength(Ticket.MaxContentLength).OverridePropertyName("order.content");
            RuleFor(x => x.Body.Order.Citizen).NotNull().OverridePropertyName("order.citizen");
            RuleFor(x => x.Body.Order.Citizen.Name).MaximumLength(100).OverridePropertyName("order.citizen.name").When(x => x.Body.Order.Citizen is not null);
            RuleFor(x => x.Body.Order.Citizen.Phone).MaximumLength(32).Matches(@"^[0-9+\-() ]{3,32}$").OverridePropertyName("order.citizen.phone")
                .When(x => !string.IsNullOrWhiteSpace(x.Body.Order.Citizen?.Phone)).WithMessage("电话号码格式不正确。");
            RuleFor(x => x.Body.Order.Location).NotNull().OverridePropertyName("order.location");
            RuleFor(x => x.Body.Order.Location.Address).MaximumLength(500).OverridePropertyName("order.location.address").When(x => x.Body.Order.Location is not null);
        });
    }
}

public sealed class ReceiveTransferHandler(HotlineDbContext db, TicketNumberAllocator numbers, TimeProvider time, ReferenceDataCache catalogue, IOptions<ExchangeOptions> options)
    : IRequestHandler<ReceiveTransfer, ReceivedTransfer>
{
    public async Task<ReceivedTransfer> Handle(ReceiveTransfer request, CancellationToken cancellationToken)
    {
        var (peer, body) = (request.Peer, request.Body);
        var order = body.Order;
        var snapshot = await catalogue.GetAsync(cancellationToken);
        var settings = options.Value;
        var category = Pick(order.CategoryCode, settings.IncomingCategoryCode, snapshot.IsLeafCategory)
            ?? throw Invalid("order.categoryCode", $"本平台没有分类 {order.CategoryCode}（{order.CategoryName}），且未配置转入工单的默认分类 Exchange:IncomingCategoryCode。");
        var sameDistrict = order.Location.DistrictCode is { } code && snapshot.DistrictsByCode.ContainsKey(code);
        var district = Pick(order.Location.DistrictCode, settings.IncomingDistrictCode, snapshot.DistrictsByCode.ContainsKey)
            ?? throw Invalid("order.location.districtCode", $"本平台没有区县 {order.Location.DistrictCode}（{order.DistrictName}），且未配置转入工单的默认区县 Exchange:IncomingDistrictCode。");
        string? street = null;
        if (sameDistrict && order.Location.StreetCode is { } streetCode && snapshot.StreetsByCode.TryGetValue(streetCode, out var known) && known.DistrictCode == district)
        {
            street = streetCode;
        }

        // A district of the sender's that is not ours stays readable in the address.
        var address = sameDistrict || order.DistrictName is null ? order.Location.Address : $"{order.DistrictName} {order.Location.Address}".Trim();
        var registration = new RegisterTicketRequest(
            Channel.Transfer,
            order.Type,
            category,
            order.Urgency,
            order.Citizen,
            new LocationDto(district, street, address, order.Location.Latitude, order.Location.Longitude),
            order.Content,
            null);

        var transferId = body.TransferId.Trim();
        var reference = order.Number.Trim();
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        var actor = Actor.System($"peer:{peer.Name}");
        var scopedKey = $"peer:{peer.Id}:{transferId}";
        return await TicketRegistration.RegisterAsync(db, numbers, time, new TicketRegistrationRequest<ReceivedTransfer>(
            registration,
            Channel.Transfer,
            null,
            note is null ? $"来自 {peer.Name} 的转办，对方工单编号 {reference}" : $"来自 {peer.Name} 的转办，对方工单编号 {reference}：{note}",
            actor,
            scopedKey,
            TicketRegistration.Fingerprint(new { order, note }),
            "该转办编号已用于另一份不同内容的转办。(The transferId was already used with a different order.)",
            async (id, ct) => new ReceivedTransfer(
                await db.Tickets.AsNoTracking().Where(t => t.Id == id).Select(t => new PeerTransferAck(t.Number, t.Status)).FirstAsync(ct), Created: false),
            (ticket, _, _) => Task.FromResult(new ReceivedTransfer(new PeerTransferAck(ticket.Number, ticket.Status), Created: true)),
            (ticket, _) => ticket.SetTransferSource(peer.Id, peer.Name, transferId, reference)),
            cancellationToken);
    }

    /// <summary>The sender's code when it is one of ours, else the configured fallback when that is one of ours, else null.</summary>
    private static string? Pick(string? sent, string? fallback, Func<string, bool> known) =>
        sent is not null && known(sent) ? sent : fallback is not null && known(fallback) ? fallback : null;

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
