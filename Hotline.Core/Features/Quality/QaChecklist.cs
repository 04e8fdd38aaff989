using Hotline.Contracts.Quality;
using Hotline.Core.Data;
using Hotline.Domain.Quality;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Quality;

/// <summary>The checklist as it is now: its active points in order (the migration writes the defaults a centre starts with).</summary>
internal static class QaChecklist
{
    public static Task<List<QaChecklistItem>> ActiveAsync(HotlineDbContext db, CancellationToken ct) =>
        db.QaChecklistItems.Where(i => i.IsActive).OrderBy(i => i.Position).ToListAsync(ct);

    public static QaChecklistItemDto Dto(this QaChecklistItem i) => new(i.Id, i.Title, i.MaxScore);

    public static QaReviewDto Dto(this QaReview r) =>
        new(r.Id, r.CallId, r.AgentId, r.Score, r.MaxScore, r.Comment, r.ReviewerName, r.ReviewedAt, r.Scores.Select(s => new QaScoreDto(s.ItemId, s.Title, s.Points, s.MaxScore)).ToList());
}
