using System.Security.Cryptography;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.RegisterTicket;

/// <summary>
/// The registration routine every channel shares: idempotent replay, the number's reservation (its own short
/// transaction, <see cref="TicketNumberAllocator"/>), <see cref="Ticket.Register"/> and what goes alongside in one
/// save (one transaction), and the idempotency race (two requests with one key: the
/// unique index lets one through, the other answers the winner; any other failure is rethrown as it is).
/// </summary>
public static class TicketRegistration
{
    /// <summary>SHA-256 of the JSON of what identifies a request (callers pass a normalised shape).</summary>
    public static string Fingerprint<T>(T request) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));

    public static async Task<TResult> RegisterAsync<TResult>(HotlineDbContext db, TicketNumberAllocator numbers, TimeProvider time, TicketRegistrationRequest<TResult> r, CancellationToken ct)
    {
        // One connection for the whole registration: the look-up, the reservation, the transaction and the answer.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await RegisterOnOpenConnectionAsync(db, numbers, time, r, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<TResult> RegisterOnOpenConnectionAsync<TResult>(HotlineDbContext db, TicketNumberAllocator numbers, TimeProvider time, TicketRegistrationRequest<TResult> r, CancellationToken ct)
    {
        if (r.ScopedKey is not null && await FindKeyedAsync(db, r.ScopedKey, r.Fingerprint, r.ConflictMessage, ct) is { } existing)
        {
            return await r.Replay(existing, ct);
        }

        r.Admit?.Invoke();
        var now = time.GetUtcNow();
        var body = r.Body;
        var number = await numbers.NextAsync(db, now, ct);
        var ticket = Ticket.Register(
            Guid.NewGuid(),
            number,
            r.Channel,
            body.Type!.Value,
            body.CategoryCode!,
            body.Urgency!.Value,
            new Citizen(Clean(body.Citizen?.Name), Phone(body.Citizen?.Phone), body.Citizen?.Confidential ?? false),
            new TicketLocation(body.Location!.DistrictCode!, Clean(body.Location.StreetCode), Clean(body.Location.Address), body.Location.Latitude, body.Location.Longitude),
            body.Content!.Trim(),
            Clean(r.CallSid),
            r.ScopedKey,
            r.Fingerprint,
            r.Actor,
            now,
            r.RegistrationNote);
        db.Tickets.Add(ticket);
        r.AddAlongside?.Invoke(ticket, now);
        try
        {
            // One SaveChanges is one transaction: the order, its timeline, change log, counts and what goes alongside.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (r.ScopedKey is not null)
        {
            db.ChangeTracker.Clear();
            db.TakeCommittedEvents();

            // Two requests with one key raced: the unique index let one through; answer with that one. No
            // order under the key means the failure was something else: it is not hidden.
            if (await FindKeyedAsync(db, r.ScopedKey, r.Fingerprint, r.ConflictMessage, ct) is not { } winner)
            {
                throw;
            }

            return await r.Replay(winner, ct);
        }

        return await r.Created(ticket, now, ct);
    }

    /// <summary>The order registered under the key, if any; the same key with another request is refused (409).</summary>
    private static async Task<Guid?> FindKeyedAsync(HotlineDbContext db, string scopedKey, string? fingerprint, string conflictMessage, CancellationToken ct)
    {
        var existing = await db.Tickets.AsNoTracking()
            .Where(t => t.IdempotencyKey == scopedKey)
            .Select(t => new { t.Id, t.IdempotencyFingerprint })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }

        return existing.IdempotencyFingerprint == fingerprint ? existing.Id : throw new DomainException(conflictMessage);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Stored as digits ("+86 138-1234-5678" → "13812345678"), so a caller is found however the number was typed; a short service number stays as written.</summary>
    private static string? Phone(string? value) => PhoneNumbers.Normalize(value) ?? Clean(value);
}
