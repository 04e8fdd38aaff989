using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// Uploaded files checked by their bytes and, for images, re-encoded without metadata, ready to be stored and tied to
/// an order. Every way a file reaches an order (an agent's or unit's upload, the public form, Open311 <c>media</c>)
/// goes through here, so the rules are one: <see cref="PrepareAsync"/> refuses the whole batch (415) before anything is
/// stored, <see cref="PutAsync"/> writes the blobs, and only then <see cref="AddRows"/> adds the rows to the caller's
/// unit of work, so a committed row never names a missing blob; a commit that fails leaves blobs that the orphan
/// cleanup removes. The spooled uploads stay the caller's; the re-encoded copies are deleted on dispose.
/// </summary>
public sealed class AttachmentBatch : IAsyncDisposable
{
    private readonly IAttachmentStore _store;
    private readonly List<Prepared> _files;

    private AttachmentBatch(IAttachmentStore store, List<Prepared> files)
    {
        _store = store;
        _files = files;
    }

    public int Count => _files.Count;

    /// <summary>SHA-256 of the files as they were sent, in order (what an idempotent retry must send again).</summary>
    public IReadOnlyList<string> UploadHashes => _files.Select(f => f.UploadHash).ToList();

    public static AttachmentBatch Empty(IAttachmentStore store) => new(store, []);

    /// <summary>Sniffs every file and cleans every image; the first file that is not allowed refuses the batch.</summary>
    public static async Task<AttachmentBatch> PrepareAsync(IAttachmentStore store, IReadOnlyList<SpooledFile> files, AttachmentOptions limits, CancellationToken ct)
    {
        var batch = new AttachmentBatch(store, []);
        try
        {
            foreach (var file in files)
            {
                batch._files.Add(await PrepareAsync(store, file, limits, ct));
            }

            return batch;
        }
        catch
        {
            await batch.DisposeAsync();
            throw;
        }
    }

    public async Task PutAsync(CancellationToken ct)
    {
        foreach (var item in _files)
        {
            await _store.PutAsync(item.Stored, ct);
            if (item.Image is { } image)
            {
                await _store.PutAsync(image.Thumbnail, ct);
            }
        }
    }

    /// <summary>The rows of the stored files, added to <paramref name="db"/> (the caller saves); call after <see cref="PutAsync"/>.</summary>
    public IReadOnlyList<TicketAttachment> AddRows(HotlineDbContext db, Guid ticketId, Actor uploader, DateTimeOffset now)
    {
        var rows = _files
            .Select(item => new TicketAttachment(ticketId, item.FileName, item.Type.ContentType, item.Stored.Length, item.Stored.Sha256, item.Image?.Thumbnail.Sha256, uploader, now))
            .ToList();
        db.TicketAttachments.AddRange(rows);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var item in _files)
        {
            if (item.Image is { } image)
            {
                await image.DisposeAsync();
            }
        }

        _files.Clear();
    }

    private static async Task<Prepared> PrepareAsync(IAttachmentStore store, SpooledFile file, AttachmentOptions limits, CancellationToken ct)
    {
        SniffedType? type;
        await using (var content = file.OpenRead())
        {
            type = FileSniffer.Sniff(content);
        }

        if (type is null)
        {
            throw new UnsupportedAttachmentException(
                $"“{AttachmentNames.Clean(file.FileName)}”不是允许的文件类型（按文件内容判断）：仅接受 JPEG/PNG/WebP/HEIC 图片、PDF、Office 文档和 MP3/WAV/AMR/M4A 音频。");
        }

        if (!type.IsImage)
        {
            return new Prepared(file, type, AttachmentNames.Clean(file.FileName), null, file.Sha256);
        }

        var image = await ImageSanitizer.SanitizeAsync(file, type, store.SpoolDirectory, limits.ThumbnailSize, ct);
        return new Prepared(image.Image, image.Type, AttachmentNames.Clean(file.FileName, image.Type), image, file.Sha256);
    }

    private sealed record Prepared(SpooledFile Stored, SniffedType Type, string FileName, SanitizedImage? Image, string UploadHash);
}
