using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments;
using Hotline.Domain.Citizens;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens;

/// <summary>
/// Registers an order that a citizen (or an Open311 client on a citizen's behalf) submitted: it is validated
/// with the agents' registration rules, waits as <c>Registered</c> for an agent, and gets a random tracking
/// code in the same transaction. The idempotency key works as for <c>POST /api/tickets</c>: the key is scoped
/// by the channel (and client), stored on the order under a unique index, and a retry with the same key and
/// body answers the first order; the same key with another body is refused.
/// </summary>
public static class CitizenIntake
{
    public const int MaxIdempotencyKeyLength = 100;

    public static async Task<CitizenIntakeResult> SubmitAsync(
        HotlineDbContext db,
        IValidator<RegisterTicket> validator,
        TicketNumberAllocator numbers,
        TimeProvider time,
        RegisterTicketRequest order,
        string? scopedKey,
        CitizenSource source,
        CancellationToken ct,
        ISubmissionPhoneLimit? phoneLimit = null,
        AttachmentBatch? files = null)
    {
        await validator.ValidateAndThrowAsync(new RegisterTicket(order, null), ct);
        var attached = files is { Count: > 0 } ? files : null;

        // The blobs go first, so the order's commit never names a missing one; a replay or a refusal after this point
        // leaves blobs no row refers to, which the orphan cleanup removes after its grace period.
        if (attached is not null)
        {
            await attached.PutAsync(ct);
        }

        CitizenSubmission? submission = null;
        return await TicketRegistration.RegisterAsync(db, numbers, time, new TicketRegistrationRequest<CitizenIntakeResult>(
            order,
            source.Channel,
            null,
            source.RegistrationNote,
            source.Actor,
            scopedKey,
            scopedKey is null ? null : Fingerprint(order, source, attached),
            "该 Idempotency-Key 已用于另一份不同内容的提交。(The Idempotency-Key was already used with a different request.)",
            async (id, c) =>
            {
                var existing = await db.Tickets.AsNoTracking().Where(t => t.Id == id)
                    .Join(db.CitizenSubmissions, t => t.Id, s => s.TicketId, (t, s) => new { t.Number, s.TrackingCode })
                    .FirstOrDefaultAsync(c);

                // A key of this scope belongs to a citizen order; without its submission it is another order's key.
                return existing is null
                    ? throw new DomainException("该 Idempotency-Key 已用于另一份不同内容的提交。(The Idempotency-Key was already used with a different request.)")
                    : new CitizenIntakeResult(id, existing.Number, existing.TrackingCode, Replayed: true);
            },
            (ticket, _, _) => Task.FromResult(new CitizenIntakeResult(ticket.Id, ticket.Number, submission!.TrackingCode, Replayed: false)),
            (ticket, now) =>
            {
                submission = new CitizenSubmission(Guid.NewGuid(), ticket.Id, CitizenSubmission.NewTrackingCode(), source.Channel, source.Open311ClientId, source.ClientName, source.ServiceCode, source.Attributes, now);
                db.CitizenSubmissions.Add(submission);
                attached?.AddRows(db, ticket.Id, source.Actor, now);
            },
            // Only a valid, new submission counts against its phone number: invalid requests and replays cost nothing.
            () =>
            {
                if (phoneLimit?.Rejects(order.Citizen?.Phone) is { } wait)
                {
                    throw new SubmissionThrottledException(wait);
                }
            }),
            ct);
    }

    /// <summary>A retry with the same key must send the same files too; without files the fingerprint is the one it always was.</summary>
    private static string Fingerprint(RegisterTicketRequest order, CitizenSource source, AttachmentBatch? files) => files is null
        ? TicketRegistration.Fingerprint(new { order, source.ServiceCode, source.Attributes })
        : TicketRegistration.Fingerprint(new { order, source.ServiceCode, source.Attributes, files = files.UploadHashes });
}
