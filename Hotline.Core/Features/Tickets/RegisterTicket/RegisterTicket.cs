using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Intelligence;
using MediatR;

namespace Hotline.Core.Features.Tickets.RegisterTicket;

/// <summary>受理: registers a new order. With an idempotency key, a retry returns the order already created.</summary>
public sealed record RegisterTicket(RegisterTicketRequest Body, string? IdempotencyKey) : IRequest<RegisterTicketResult>;

public sealed record RegisterTicketResult(TicketDto Ticket, bool Replayed);

public sealed class RegisterTicketHandler(HotlineDbContext db, TicketNumberAllocator numbers, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<RegisterTicket, RegisterTicketResult>
{
    public async Task<RegisterTicketResult> Handle(RegisterTicket request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var body = request.Body;
        var scopedKey = request.IdempotencyKey is { } key ? $"{actor.UserId?.ToString() ?? actor.UserName}:{key}" : null;
        var suggestion = await SuggestionShown.CheckAsync(db, body.Suggestion, cancellationToken);
        return await TicketRegistration.RegisterAsync(db, numbers, time, new TicketRegistrationRequest<RegisterTicketResult>(
            body with { Suggestion = null },
            body.Channel!.Value,
            body.CallSid,
            null,
            actor,
            scopedKey,
            scopedKey is null ? null : TicketRegistration.Fingerprint(body with { Suggestion = null }),
            "该 Idempotency-Key 已用于另一份不同内容的登记。(The Idempotency-Key was already used with a different request.)",
            async (id, ct) => new RegisterTicketResult(await TicketReader.ReadAsync(db, id, actor, time.GetUtcNow(), ct), Replayed: true),
            async (ticket, now, ct) => new RegisterTicketResult(await TicketReader.AfterRegistrationAsync(db, ticket, actor, now, ct), Replayed: false),
            suggestion is null ? null : (ticket, now) => db.Add(suggestion.For(ticket, now))),
            cancellationToken);
    }
}
