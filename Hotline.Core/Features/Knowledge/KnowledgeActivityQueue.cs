using System.Threading.Channels;
using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Knowledge;

/// <summary>
/// Searches, opened results and deflections (知识缺口, docs/knowledge.md) are written in batches behind the
/// answer, so logging never adds a database write to a search; the writer gathers for 200 ms before each batch. In order: a search row is inserted before an
/// "opened" that names it. What is still queued when the process dies is lost; these are statistics, not records.
/// </summary>
public sealed partial class KnowledgeActivityQueue(IServiceScopeFactory scopes, ILogger<KnowledgeActivityQueue> logger) : BackgroundService
{
    private const int Capacity = 10_000;
    private const int BatchSize = 500;

    /// <summary>
    /// How long the writer lets activity gather after the first item: at a busy hour's searches one insert of many
    /// rows instead of a commit every few searches (that commit cost a quarter of a search's CPU).
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private long _queued;
    private long _written;

    public void Searched(KnowledgeSearch search) => Enqueue(new Activity(search, null, null, null));

    public void Opened(Guid searchId, Guid articleId) => Enqueue(new Activity(null, searchId, articleId, null));

    public void Deflected(Guid searchId, DateTimeOffset at) => Enqueue(new Activity(null, searchId, null, at));

    /// <summary>Waits until everything queued before the call is written (tests, and the gaps list wanting fresh counts).</summary>
    public async Task FlushAsync(TimeSpan timeout, CancellationToken ct)
    {
        var target = Interlocked.Read(ref _queued);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (Interlocked.Read(ref _written) < target)
        {
            await Task.Delay(10, limit.Token);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Activity>(BatchSize);
        while (await _channel.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Gather, stoppingToken);
            while (batch.Count < BatchSize && _channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await WriteAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWriteFailed(e, batch.Count);
            }

            Interlocked.Add(ref _written, batch.Count);
            batch.Clear();
        }
    }

    private void Enqueue(Activity activity)
    {
        if (_channel.Writer.TryWrite(activity))
        {
            Interlocked.Increment(ref _queued);
        }
    }

    private async Task WriteAsync(List<Activity> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var searches = batch.Where(a => a.Search is not null).Select(a => a.Search!).ToList();
        if (searches.Count > 0)
        {
            db.Set<KnowledgeSearch>().AddRange(searches);
            await db.SaveChangesAsync(ct);
        }

        foreach (var opened in batch.Where(a => a.ArticleId is not null))
        {
            await db.Set<KnowledgeSearch>().Where(s => s.Id == opened.SearchId && s.OpenedArticleId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenedArticleId, opened.ArticleId), ct);
        }

        foreach (var deflected in batch.Where(a => a.DeflectedAt is not null))
        {
            await db.Set<KnowledgeSearch>().Where(s => s.Id == deflected.SearchId && s.DeflectedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeflectedAt, deflected.DeflectedAt), ct);
        }
    }

    private sealed record Activity(KnowledgeSearch? Search, Guid? SearchId, Guid? ArticleId, DateTimeOffset? DeflectedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} knowledge activity records; they are dropped")]
    private partial void LogWriteFailed(Exception exception, int count);
}
