using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// Keeps this node's <see cref="KnowledgeIndex"/> equal to the database. At start it rebuilds from the live
/// articles and the synonyms; then it applies the change log (<see cref="KnowledgeChange"/>) from its watermark:
/// at once after a change made on this node, and every <see cref="KnowledgeOptions.PollInterval"/> for changes
/// made on other nodes. A sequence number missing from the log (a transaction that took its number but has not
/// committed yet) is looked for again until <see cref="KnowledgeOptions.GapTimeout"/>, so a change committed out
/// of order is never skipped. Re-applying a change is harmless: the article is read again as it is now.
/// </summary>
public sealed partial class KnowledgeIndexSync(
    IServiceScopeFactory scopes,
    KnowledgeIndex index,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeIndexSync> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _applied = -1;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The highest change-log sequence this node's index has applied.</summary>
    public long Watermark => Interlocked.Read(ref _applied);

    public Task WaitReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !IsReady)
        {
            try
            {
                await RebuildAsync(stoppingToken);
                _ready.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRebuildFailed(e);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e);
            }
        }
    }

    /// <summary>Everything from the database again. Returns how many articles the index holds.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            // The watermark is read before the articles: a change committed while they load is applied again after.
            var watermark = await db.Set<KnowledgeChange>().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
            var synonyms = await db.Set<KnowledgeSynonymGroup>().AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
            var articles = await LiveArticlesAsync(db, null, ct);
            index.SetSynonyms(new SynonymSet(synonyms));
            index.Rebuild(articles.Select(ToIndexed));
            _gaps.Clear();
            Interlocked.Exchange(ref _applied, watermark);
            LogRebuilt(articles.Count, watermark);
            return articles.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies the change log since the watermark. Does nothing before the first rebuild.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        if (!IsReady)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            while (true)
            {
                var from = _gaps.Count > 0 ? Math.Min(_gaps.Keys.Min() - 1, _applied) : _applied;
                var changes = await db.Set<KnowledgeChange>().AsNoTracking()
                    .Where(c => c.Sequence > from).OrderBy(c => c.Sequence).Take(BatchSize)
                    .Select(c => new { c.Sequence, c.ArticleId })
                    .ToListAsync(ct);
                var fresh = changes.Where(c => c.Sequence > _applied || _gaps.ContainsKey(c.Sequence)).ToList();
                TrackGaps(changes.Select(c => c.Sequence).ToList());
                if (fresh.Count > 0)
                {
                    await ApplyAsync(db, fresh.Select(c => c.ArticleId).ToList(), ct);
                }

                if (changes.Count > 0)
                {
                    Interlocked.Exchange(ref _applied, Math.Max(_applied, changes[^1].Sequence));
                }

                if (changes.Count < BatchSize)
                {
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void TrackGaps(List<long> seen)
    {
        var now = time.GetUtcNow();
        foreach (var sequence in seen)
        {
            _gaps.Remove(sequence);
        }

        var expected = _applied + 1;
        foreach (var sequence in seen.Where(s => s > _applied))
        {
            for (var missing = expected; missing < sequence; missing++)
            {
                _gaps.TryAdd(missing, now);
            }

            expected = sequence + 1;
        }

        foreach (var stale in _gaps.Where(g => now - g.Value > options.Value.GapTimeout).Select(g => g.Key).ToList())
        {
            _gaps.Remove(stale);
        }
    }

    private async Task ApplyAsync(HotlineDbContext db, List<Guid?> articleIds, CancellationToken ct)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index rebuilt: {Count} articles, change log at {Watermark}")]
    private partial void LogRebuilt(int count, long watermark);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge index rebuild failed; retrying")]
    private partial void LogRebuildFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge change-log poll failed; retrying at the next interval")]
    private partial void LogPollFailed(Exception exception);
}
