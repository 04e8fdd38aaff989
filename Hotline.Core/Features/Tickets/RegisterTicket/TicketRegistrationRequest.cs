using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Tickets.RegisterTicket;

/// <summary>
/// One registration (agents' <c>POST /api/tickets</c>, the public form, Open311): the validated body, who
/// registers, and what the caller adds. <see cref="Replay"/> turns an order already registered under the key
/// into the caller's answer; <see cref="Created"/> answers a new one after the commit; <see cref="AddAlongside"/>
/// adds rows saved in the same transaction; <see cref="Admit"/> runs just before a new order is registered
/// (after validation and the replay look-up) and may refuse by throwing.
/// </summary>
public sealed record TicketRegistrationRequest<TResult>(
    RegisterTicketRequest Body,
    Channel Channel,
    string? CallSid,
    string? RegistrationNote,
    Actor Actor,
    string? ScopedKey,
    string? Fingerprint,
    string ConflictMessage,
    Func<Guid, CancellationToken, Task<TResult>> Replay,
    Func<Ticket, DateTimeOffset, CancellationToken, Task<TResult>> Created,
    Action<Ticket, DateTimeOffset>? AddAlongside = null,
    Action? Admit = null);
