using Hotline.Contracts.Quality;
using Hotline.Core.Data;
using Hotline.Domain.Quality;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Quality;

/// <summary>The checklist as it is now: its active points in order; a centre that never edited it starts with the defaults.</summary>
internal static class QaChecklist
{
    public static async Task<List<QaChecklistItem>> ActiveAsync(HotlineDbContext db, CancellationToken ct)
    {
        if (!await db.QaChecklistItems.AnyAsync(ct))
        {
            db.QaChecklistItems.AddRange(QaChecklistItem.Defaults.Select((d, i) => QaChecklistItem.Create(d.Id, d.Title, d.MaxScore, i)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request wrote the defaults first (their ids are fixed): theirs stand.
                db.ChangeTracker.Clear();
            }
        }

        return await db.QaChecklistItems.Where(i => i.IsActive).OrderBy(i => i.Position).ToListAsync(ct);
    }

    public static QaChecklistItemDto Dto(this QaChecklistItem i) => new(i.Id, i.Title, i.MaxScore);

    public static QaReviewDto Dto(this QaReview r) =>
        new(r.Id, r.CallId, r.AgentId, r.Score, r.MaxScore, r.Comment, r.ReviewerName, r.ReviewedAt, r.Scores.Select(s => new QaScoreDto(s.ItemId, s.Title, s.Points, s.MaxScore)).ToList());
}
