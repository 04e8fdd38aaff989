using Hotline.Core.Data;
using Hotline.Core.Features.Privacy;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// Retention and anonymisation remove an order's files (a photo can show a face, a recording a voice): the rows go in
/// the batch's unit of work, the blobs with the next orphan cleanup once no other order refers to the same bytes.
/// </summary>
public sealed class AttachmentEraser(HotlineDbContext db) : IPersonalDataEraser
{
    public string Name => "attachments";

    public async Task<int> EraseAsync(IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var rows = await db.TicketAttachments.Where(a => ids.Contains(a.TicketId)).ToListAsync(cancellationToken);
        db.TicketAttachments.RemoveRange(rows);
        return rows.Count;
    }
}
