using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// Keeps this node's <see cref="KnowledgeIndex"/> equal to the database (<see cref="ChangeLogIndexSync{TKey}"/>). At
/// start it rebuilds from the live articles and the synonyms; then it applies the change log
/// (<see cref="KnowledgeChange"/>) from its watermark: at once after a change made on this node, and every
/// <see cref="KnowledgeOptions.PollInterval"/> for changes made on other nodes; a missing sequence number is waited
/// for until <see cref="KnowledgeOptions.GapTimeout"/>. Re-applying a change is harmless: the article is read again as it is now.
/// </summary>
public sealed class KnowledgeIndexSync(
    IServiceScopeFactory scopes,
    KnowledgeIndex index,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeIndexSync> logger) : ChangeLogIndexSync<Guid?>(scopes, logger)
{
    protected override string IndexName => "Knowledge";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan GapTimeout => options.Value.GapTimeout;

    protected override async Task<long> ReadWatermarkAsync(HotlineDbContext db, CancellationToken ct) =>
        await db.Set<KnowledgeChange>().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;

    protected override async Task<int> RebuildIndexAsync(HotlineDbContext db, CancellationToken ct)
    {
        var synonyms = await db.Set<KnowledgeSynonymGroup>().AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
        var articles = await LiveArticlesAsync(db, null, ct);
        index.SetSynonyms(new SynonymSet(synonyms));
        index.Rebuild(articles.Select(ToIndexed));
        return articles.Count;
    }

    protected override async Task<List<(long Sequence, Guid? Key)>> ReadChangesAsync(HotlineDbContext db, long after, int take, CancellationToken ct) =>
        (await db.Set<KnowledgeChange>().AsNoTracking()
            .Where(c => c.Sequence > after).OrderBy(c => c.Sequence).Take(take)
            .Select(c => new { c.Sequence, c.ArticleId })
            .ToListAsync(ct))
        .Select(c => (c.Sequence, c.ArticleId))
        .ToList();

    protected override async Task ApplyAsync(HotlineDbContext db, List<Guid?> articleIds, CancellationToken ct)
    {
        if (articleIds.Any(id => id is null))
        {
            var synonyms = await db.Set<KnowledgeSynonymGroup>().AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
            index.SetSynonyms(new SynonymSet(synonyms));
        }

        var ids = articleIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var live = await LiveArticlesAsync(db, ids, ct);
        var liveIds = live.Select(a => a.Id).ToHashSet();
        index.Apply(live.Select(ToIndexed), ids.Where(id => !liveIds.Contains(id)));
    }

    private static async Task<List<KnowledgeArticleVersionRow>> LiveArticlesAsync(HotlineDbContext db, List<Guid>? ids, CancellationToken ct)
    {
        var articles = db.Set<KnowledgeArticle>().AsNoTracking()
            .Where(a => a.PublishedVersion != null && a.Status != Contracts.Knowledge.ArticleStatus.Retired);
        if (ids is not null)
        {
            articles = articles.Where(a => ids.Contains(a.Id));
        }

        return await articles
            .Join(db.Set<KnowledgeArticleVersion>().AsNoTracking(), a => new { a.Id, Number = a.PublishedVersion!.Value }, v => new { Id = v.ArticleId, v.Number },
                (a, v) => new KnowledgeArticleVersionRow(a.Id, a.ExternalId, v))
            .ToListAsync(ct);
    }

    private static IndexedArticle ToIndexed(KnowledgeArticleVersionRow row) => new(
        row.Id,
        row.ExternalId,
        row.Version.Title,
        MarkdownRenderer.ToPlainText(row.Version.Body),
        row.Version.Keywords,
        row.Version.Synonyms,
        row.Version.CategoryCodes,
        row.Version.Tags,
        row.Version.Audience,
        row.Version.OwnerUnitId,
        row.Version.ValidFrom,
        row.Version.ValidTo);

    private sealed record KnowledgeArticleVersionRow(Guid Id, string? ExternalId, KnowledgeArticleVersion Version);

}
