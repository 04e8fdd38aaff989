using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// One look-up, shared by the text and the order variants: the index proposes candidates, the database gives their
/// text (through <see cref="TicketAccess.VisibleTo"/>, so a unit never sees another unit's orders) and the exact
/// score decides. Nearer places first, then the higher score, at most <see cref="MaxItems"/>.
/// </summary>
public sealed class SimilarTicketReader(HotlineDbContext db, TicketSimilarityIndex index, TicketSimilarityIndexSync sync, ReferenceDataCache reference, IOptions<SimilarityOptions> options, TimeProvider time)
{
    public const int MaxItems = 5;
    public const int DefaultDays = 30;

    /// <summary>Candidates read from the database per look-up: enough that visibility and the exact score can drop some.</summary>
    private const int Candidates = 64;

    public const int ExcerptLength = 100;

    public async Task<SimilarTicketsResult> FindAsync(string content, string? districtCode, string? streetCode, int days, Guid? exclude, Actor actor, CancellationToken ct)
    {
        await sync.WaitReadyAsync(ct);
        var started = time.GetTimestamp();
        var minScore = options.Value.MinScore;
        var shingles = DemandShingles.Of(content);
        var candidates = index.Find(new SimilarityQuery(shingles, time.GetUtcNow().AddDays(-days), districtCode, streetCode, exclude, OpenOnly: false, minScore, Candidates));
        var ids = candidates.Select(c => c.Id).ToList();
        var rows = ids.Count == 0 ? [] : await db.Tickets.AsNoTracking().VisibleTo(actor)
            .Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.Status, t.CloseReason, t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode, t.Location.Address, t.Content, t.CreatedAt })
            .ToListAsync(ct);
        var texts = rows.ToDictionary(r => r.Id, r => DemandShingles.Of(r.Content));
        var weights = index.Weights(shingles.Concat(texts.Values.SelectMany(s => s)));
        var snapshot = await reference.GetAsync(ct);
        var items = rows
            .Select(r => (Row: r, Score: DemandSimilarity.Score(shingles, texts[r.Id], s => weights[s]), Place: PlaceOf(r.DistrictCode, r.StreetCode, districtCode, streetCode)))
            .Where(x => x.Score >= minScore && x.Row.CloseReason is not CloseReason.Duplicate and not CloseReason.Invalid and not CloseReason.TransferredOut)
            .OrderBy(x => x.Place).ThenByDescending(x => x.Score).ThenByDescending(x => x.Row.CreatedAt)
            .Take(MaxItems)
            .Select(x => new SimilarTicketDto(
                x.Row.Id, x.Row.Number, x.Row.Status, x.Row.Status == TicketStatus.Closed, x.Row.CloseReason, Math.Round(x.Score, 3), x.Place,
                x.Row.CategoryCode, snapshot.CategoriesByCode.TryGetValue(x.Row.CategoryCode, out var category) ? category.Name : x.Row.CategoryCode,
                x.Row.DistrictCode, snapshot.DistrictsByCode.TryGetValue(x.Row.DistrictCode, out var district) ? district.Name : x.Row.DistrictCode,
                x.Row.StreetCode, x.Row.StreetCode is { } s && snapshot.StreetsByCode.TryGetValue(s, out var street) ? street.Name : x.Row.StreetCode,
                x.Row.Address, Excerpt(x.Row.Content), x.Row.CreatedAt))
            .ToList();
        return new SimilarTicketsResult(items, days, minScore, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2));
    }

    public static SimilarPlace PlaceOf(string district, string? street, string? askedDistrict, string? askedStreet) =>
        askedStreet is not null && street == askedStreet ? SimilarPlace.SameStreet
        : askedDistrict is not null && district == askedDistrict ? SimilarPlace.SameDistrict
        : SimilarPlace.Elsewhere;

    public static string Excerpt(string content) => content.Length <= ExcerptLength ? content : content[..ExcerptLength] + "…";
}
