using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Attachments.CleanAttachmentOrphans;

/// <summary>Removes blobs that no attachment row refers to; returns how many it removed.</summary>
public sealed record CleanAttachmentOrphans : IRequest<int>;

/// <summary>
/// Blobs are written before their row commits, so a failed or abandoned upload leaves a blob behind, and a removed row
/// (the retention job) leaves its blob to this job. Only blobs older than the grace period are taken: an upload still
/// committing has a fresh blob (a put of bytes already stored refreshes the blob's time). Spool files left by a killed
/// process go the same way. Idempotent; a run stopped halfway is finished by the next.
/// </summary>
public sealed partial class CleanAttachmentOrphansHandler(
    HotlineDbContext db, IAttachmentStore store, TimeProvider time, IOptions<AttachmentOptions> options, ILogger<CleanAttachmentOrphansHandler> logger)
    : IRequestHandler<CleanAttachmentOrphans, int>
{
    private const int BatchSize = 500;

    public async Task<int> Handle(CleanAttachmentOrphans request, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.OrphanGracePeriod;
        var removed = 0;
        var batch = new List<string>(BatchSize);
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            if (blob.LastModified < cutoff)
            {
                batch.Add(blob.Key);
            }

            if (batch.Count == BatchSize)
            {
                removed += await RemoveUnreferencedAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        removed += await RemoveUnreferencedAsync(batch, cancellationToken);
        RemoveStaleSpoolFiles(cutoff);
        if (removed > 0)
        {
            LogRemoved(removed);
        }

        return removed;
    }

    private async Task<int> RemoveUnreferencedAsync(List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var referenced = await db.TicketAttachments.AsNoTracking()
            .Where(a => keys.Contains(a.BlobKey) || (a.ThumbnailKey != null && keys.Contains(a.ThumbnailKey))
                || (a.OriginalBlobKey != null && keys.Contains(a.OriginalBlobKey)) || (a.OriginalThumbnailKey != null && keys.Contains(a.OriginalThumbnailKey)))
            .Select(a => new { a.BlobKey, a.ThumbnailKey, a.OriginalBlobKey, a.OriginalThumbnailKey })
            .ToListAsync(ct);
        var kept = referenced.SelectMany(r => new[] { r.BlobKey, r.ThumbnailKey, r.OriginalBlobKey, r.OriginalThumbnailKey }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var key in keys.Where(k => !kept.Contains(k)))
        {
            await store.DeleteAsync(key, ct);
            removed++;
        }

        return removed;
    }

    private void RemoveStaleSpoolFiles(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(store.SpoolDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(store.SpoolDirectory, "*.part"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
            {
                File.Delete(file);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment cleanup removed {Count} orphaned blobs")]
    private partial void LogRemoved(int count);
}
