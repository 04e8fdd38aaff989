using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// Adds audit entries to the request's unit of work: the caller's <c>SaveChangesAsync</c> writes them with its change
/// (or, for a read, as the request's only write). Who and from where come from the current user.
/// </summary>
public sealed class AuditLog(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
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
        var entry = new AuditEntry
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
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static string Printable(string value) => new(value.Where(c => !char.IsControl(c)).ToArray());

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
