namespace Hotline.Core.Features.Attachments;

/// <summary>A blob in the store: its key (the SHA-256 of its bytes) and when it was last written.</summary>
public sealed record StoredBlob(string Key, DateTimeOffset LastModified);

/// <summary>
/// Where attachment bytes live, content-addressed by SHA-256 (docs/attachments.md). Nothing here is listable through the
/// API: downloads go through the endpoints with the caller's rights.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Where uploads are spooled before <see cref="PutAsync"/> (on the store's own volume when it has one, so the put is a rename).</summary>
    string SpoolDirectory { get; }

    /// <summary>
    /// Stores the spooled file under its hash. A blob already there is kept and its time refreshed, so the orphan
    /// cleanup cannot take it between this put and the commit of the row that refers to it again.
    /// </summary>
    Task PutAsync(SpooledFile file, CancellationToken ct);

    /// <summary>The blob's bytes, or null when the store has no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

public static class BlobKeys
{
    /// <summary>A key is 64 lower-case hex digits; anything else (a path, say) never reaches the store.</summary>
    public static bool IsValid(string key) => key.Length == 64 && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
