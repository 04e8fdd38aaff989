using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// Adds audit entries to the request's unit of work: the caller's <c>SaveChangesAsync</c> writes them with its change
/// (or, for a read, through the group commit of reads). Who and from where come from the current user.
/// </summary>
public sealed class AuditLog(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, AuditReadWriter reads)
{
    /// <summary>An entry by the current user.</summary>
    public AuditEntry Add(string action, string? summary = null, string? targetType = null, string? targetId = null, Guid? ticketId = null)
    {
        var actor = currentUser.Actor;
        return Add(actor.UserId, actor.UserName, action, summary, targetType, targetId, ticketId);
    }

    /// <summary>An entry by someone who is not (yet) the current user: the account a sign-in tried.</summary>
    public AuditEntry Add(Guid? userId, string actorName, string action, string? summary = null, string? targetType = null, string? targetId = null, Guid? ticketId = null)
    {
        var entry = Create(userId, actorName, action, summary, targetType, targetId, ticketId);
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Writes the current user's read of personal data (<see cref="AuditReadWriter"/>): completes once the entry is
    /// committed, together with the entries of the other reads of that moment; throws when it could not be written.
    /// </summary>
    public Task WriteReadAsync(string action, string? summary, string? targetType, string? targetId, Guid? ticketId, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        return reads.WriteAsync(Create(actor.UserId, actor.UserName, action, summary, targetType, targetId, ticketId), cancellationToken);
    }

    private AuditEntry Create(Guid? userId, string actorName, string action, string? summary, string? targetType, string? targetId, Guid? ticketId)
    {
        return new AuditEntry
        {
            // Microseconds: what every provider stores, so the sealed hash is over the value read back.
            At = Microseconds(time.GetUtcNow()),
            ActorUserId = userId,
            ActorName = Clip(Printable(actorName), 64),
            Address = currentUser.Address is { } address ? Clip(address, 64) : null,
            Action = action,
            TargetType = targetType,
            TargetId = targetId is null ? null : Clip(targetId, 64),
            TicketId = ticketId,
            Summary = Clip(summary ?? AuditActions.NameOf(action), 500),
        };
    }

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static string Printable(string value) => new(value.Where(c => !char.IsControl(c)).ToArray());

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
