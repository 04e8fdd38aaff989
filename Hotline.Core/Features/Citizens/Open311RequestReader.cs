using System.Text.Json;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Reference;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens;

/// <summary>
/// What Open311 GETs may read: orders that came in through Open311, whose clients publish what their users report;
/// never web-form or phone orders (their citizens did not ask for publication) and never reports (举报).
/// </summary>
internal static class Open311RequestReader
{
    public const int MaxResults = 1000;

    public static IQueryable<Ticket> Public(HotlineDbContext db) => db.Tickets.AsNoTracking()
        .Where(t => t.Channel == Channel.Open311 && t.Type != TicketType.Report && t.ExternalId == null);

    /// <summary>Newest first, at most <see cref="MaxResults"/>.</summary>
    public static async Task<IReadOnlyList<Open311RequestView>> ReadAsync(HotlineDbContext db, ReferenceDataCache reference, IQueryable<Ticket> query, CancellationToken ct)
    {
        var tickets = await query.OrderByDescending(t => t.CreatedAt).Take(MaxResults).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var media = (await db.CitizenSubmissions.AsNoTracking()
                .Where(s => ids.Contains(s.TicketId) && s.Attributes != null)
                .Select(s => new { s.TicketId, s.Attributes })
                .ToListAsync(ct))
            .ToDictionary(s => s.TicketId, s => MediaUrl(s.Attributes));
        var snapshot = await reference.GetAsync(ct);
        return tickets.Select(t => ToView(t, snapshot, media.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>
    /// Progress and place; the citizen's name, phone and the client's e-mail, device and account ids never. The
    /// status note is a fixed text by status, never the agent's or unit's free-text answer (it often names the
    /// citizen); only the tracking page, for the holder of the code, shows the answer.
    /// </summary>
    private static Open311RequestView ToView(Ticket t, ReferenceSnapshot snapshot, string? mediaUrl) =>
        new(
            t.Number,
            t.Status == TicketStatus.Closed ? "closed" : "open",
            PublicProgress.Open311Note(t.Status),
            snapshot.CategoriesByCode.TryGetValue(t.CategoryCode, out var category) ? category.Name : t.CategoryCode,
            t.CategoryCode,
            t.Content,
            PublicProgress.HandlingUnitName(t, snapshot),
            PublicProgress.StatusText(t.Status),
            t.CreatedAt,
            t.UpdatedAt,
            t.IsOpen ? t.Clocks.ReplyDueAt : null,
            t.Location.Address,
            null,
            null,
            t.Location.Latitude,
            t.Location.Longitude,
            mediaUrl);

    private static string? MediaUrl(string? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(attributes);
        return document.RootElement.TryGetProperty("media_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
    }
}
