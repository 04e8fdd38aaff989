using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Privacy;

/// <summary>
/// One place a citizen's personal data is kept for an order. The retention job and the on-request anonymisation call
/// every registered eraser with the same batch of orders, inside the batch's one unit of work: an eraser changes
/// tracked entities and never saves. To cover a new store (attachments, say), implement this and register it in
/// <see cref="PrivacySetup"/>; the job, the request and their counts pick it up.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>The key of this eraser's count in the summaries (<c>orders</c>, <c>calls</c>, …).</summary>
    string Name { get; }

    /// <summary>Removes the personal data of <paramref name="tickets"/> from this store; returns how many records changed.</summary>
    Task<int> EraseAsync(IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken cancellationToken);
}
