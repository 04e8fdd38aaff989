using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge;

/// <summary>Reads articles into their wire form: editors and reviewers get the working copy, everyone else the published version.</summary>
public static class KnowledgeReader
{
    public static async Task<KnowledgeArticle> LoadForChangeAsync(HotlineDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<KnowledgeArticle>().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException("知识条目", id);

    public static async Task<ArticleDto> ReadAsync(HotlineDbContext db, Guid id, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var article = await db.Set<KnowledgeArticle>().AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("知识条目", id);
        return await ToDtoAsync(db, article, actor, now, ct);
    }

    public static async Task<ArticleDto> ToDtoAsync(HotlineDbContext db, KnowledgeArticle article, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var shown = KnowledgeAccess.SeesWorkingCopies(actor) ? article.Latest : article.IsLive ? article.Published : null;
        if (shown is null || !KnowledgeAccess.MaySee(actor, shown.Audience, shown.OwnerUnitId))
        {
            throw new NotFoundException("知识条目", article.Id);
        }

        var stats = (await StatsAsync(db, [article.Id], ct))[article.Id];
        var content = shown.Content;
        var expired = content.IsExpiredAt(now);
        return new ArticleDto(
            article.Id,
            article.ExternalId,
            article.Status,
            KnowledgeLabels.Status(article.Status),
            shown.Number,
            article.PublishedVersion,
            content.Title,
            content.Body,
            MarkdownRenderer.ToHtml(content.Body),
            content.Audience,
            content.Keywords,
            content.Synonyms,
            content.CategoryCodes,
            content.Tags,
            content.OwnerUnitId,
            content.ValidFrom,
            content.ValidTo,
            expired,
            expired ? KnowledgeLabels.Expired : null,
            article.AuthorName,
            article.ReviewNote,
            article.CreatedAt,
            article.UpdatedAt,
            stats);
    }

    /// <summary>Views (counted on the article), uses (orders answered from it) and votes, for several articles at once.</summary>
    public static async Task<Dictionary<Guid, ArticleStatsDto>> StatsAsync(HotlineDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var views = await db.Set<KnowledgeArticle>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Views }).ToListAsync(ct);
        var uses = await db.Set<Ticket>().AsNoTracking().Where(t => t.AnswerArticleId != null && ids.Contains(t.AnswerArticleId.Value))
            .GroupBy(t => t.AnswerArticleId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var votes = await db.Set<KnowledgeVote>().AsNoTracking().Where(v => ids.Contains(v.ArticleId))
            .GroupBy(v => new { v.ArticleId, v.Helpful }).Select(g => new { g.Key.ArticleId, g.Key.Helpful, Count = g.Count() }).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => new ArticleStatsDto(
            views.FirstOrDefault(v => v.Id == id)?.Views ?? 0,
            uses.FirstOrDefault(u => u.Id == id)?.Count ?? 0,
            votes.FirstOrDefault(v => v.ArticleId == id && v.Helpful)?.Count ?? 0,
            votes.FirstOrDefault(v => v.ArticleId == id && !v.Helpful)?.Count ?? 0));
    }

    public static ArticleVersionDto ToDto(KnowledgeArticleVersion v) => new(
        v.Number, v.Change, v.Title, v.Body, v.Audience, v.Keywords, v.Synonyms, v.CategoryCodes, v.Tags, v.OwnerUnitId, v.ValidFrom, v.ValidTo, v.ChangedBy, v.ChangedAt, v.Note);
}
