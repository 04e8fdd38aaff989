using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Knowledge.ListReviewDue;

/// <summary>待复核: live articles past their validity, or whose published content has not changed for <see cref="KnowledgeOptions.ReviewAfter"/>.</summary>
public sealed record ListReviewDue : IRequest<IReadOnlyList<ReviewDueDto>>;

public sealed class ListReviewDueHandler(HotlineDbContext db, TimeProvider time, IOptions<KnowledgeOptions> options) : IRequestHandler<ListReviewDue, IReadOnlyList<ReviewDueDto>>
{
    public async Task<IReadOnlyList<ReviewDueDto>> Handle(ListReviewDue request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - options.Value.ReviewAfter;
        var rows = await db.Set<KnowledgeArticle>().AsNoTracking()
            .Where(a => a.PublishedVersion != null && a.Status != ArticleStatus.Retired)
            .Join(db.Set<KnowledgeArticleVersion>().AsNoTracking(), a => new { a.Id, Number = a.PublishedVersion!.Value }, v => new { Id = v.ArticleId, v.Number },
                (a, v) => new { a.Id, v.Title, a.PublishedAt, v.ValidTo, a.UpdatedAt })
            .Where(r => (r.ValidTo != null && r.ValidTo < now) || r.PublishedAt < stale)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ReviewDueDto(r.Id, r.Title, r.ValidTo is { } to && to < now ? KnowledgeLabels.Expired : "长期未更新", r.PublishedAt ?? r.UpdatedAt, r.ValidTo))
            .OrderBy(r => r.UpdatedAt)
            .ToList();
    }
}
