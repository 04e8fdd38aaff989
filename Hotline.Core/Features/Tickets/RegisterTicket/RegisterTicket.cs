using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Domain.Common;
using Hotline.Core.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.RegisterTicket;

/// <summary>受理: registers a new order. With an idempotency key, a retry returns the order already created.</summary>
public sealed record RegisterTicket(RegisterTicketRequest Body, string? IdempotencyKey) : IRequest<RegisterTicketResult>;

public sealed record RegisterTicketResult(TicketDto Ticket, bool Replayed);

public sealed class RegisterTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<RegisterTicket, RegisterTicketResult>
{
    public async Task<RegisterTicketResult> Handle(RegisterTicket request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var body = request.Body;
        var scopedKey = request.IdempotencyKey is { } key ? $"{actor.UserId?.ToString() ?? actor.UserName}:{key}" : null;
        var fingerprint = scopedKey is null ? null : Fingerprint(body);

        if (scopedKey is not null && await FindReplayAsync(scopedKey, fingerprint!, actor, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await TicketNumberAllocator.NextAsync(db, now, cancellationToken);
        var ticket = Ticket.Register(
            Guid.NewGuid(),
            number,
            body.Channel!.Value,
            body.Type!.Value,
            body.CategoryCode!,
            body.Urgency!.Value,
            new Citizen(Clean(body.Citizen?.Name), Clean(body.Citizen?.Phone), body.Citizen?.Confidential ?? false),
            new TicketLocation(body.Location!.DistrictCode!, Clean(body.Location.StreetCode), Clean(body.Location.Address), body.Location.Latitude, body.Location.Longitude),
            body.Content!.Trim(),
            Clean(body.CallSid),
            scopedKey,
            fingerprint,
            actor,
            now);
        db.Tickets.Add(ticket);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (scopedKey is not null)
        {
            // Two requests with one key raced: the unique index let one through; answer with that one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.TakeCommittedEvents();
            return await FindReplayAsync(scopedKey, fingerprint!, actor, cancellationToken) ?? throw new InvalidOperationException("Idempotent registration failed without a winner.");
        }

        return new RegisterTicketResult(await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken), Replayed: false);
    }

    private async Task<RegisterTicketResult?> FindReplayAsync(string scopedKey, string fingerprint, Actor actor, CancellationToken ct)
    {
        var existing = await db.Tickets.AsNoTracking()
            .Where(t => t.IdempotencyKey == scopedKey)
            .Select(t => new { t.Id, t.IdempotencyFingerprint })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }

        if (existing.IdempotencyFingerprint != fingerprint)
        {
            throw new DomainException("该 Idempotency-Key 已用于另一份不同内容的登记。(The Idempotency-Key was already used with a different request.)");
        }

        return new RegisterTicketResult(await TicketReader.ReadAsync(db, existing.Id, actor, time.GetUtcNow(), ct), Replayed: true);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Fingerprint(RegisterTicketRequest body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body))));
}
