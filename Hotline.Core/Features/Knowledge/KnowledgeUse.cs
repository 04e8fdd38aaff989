using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge;

/// <summary>What an order records when an agent answers from an article: the article and the version that was published then.</summary>
public static class KnowledgeUse
{
    public static async Task<int> PublishedVersionAsync(HotlineDbContext db, Guid articleId, CancellationToken ct)
    {
        var article = await db.Set<KnowledgeArticle>().AsNoTracking()
            .Where(a => a.Id == articleId && a.Status != Contracts.Knowledge.ArticleStatus.Retired && a.PublishedVersion != null)
            .Select(a => new { a.PublishedVersion })
            .FirstOrDefaultAsync(ct);
        return article?.PublishedVersion ?? throw new NotFoundException("知识条目", articleId);
    }
}
