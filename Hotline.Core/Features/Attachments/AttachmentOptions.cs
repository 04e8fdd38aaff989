using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Attachments;

public enum AttachmentStoreKind { FileSystem, S3 }

/// <summary>Section <c>Attachments</c> (docs/attachments.md, docs/operations.md).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest file accepted, in bytes (default 10 MB); a larger one is refused with 413 and nothing is kept.</summary>
    [Range(1, 1L << 31)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files an order may carry, hidden ones included.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerOrder { get; set; } = 10;

    public AttachmentStoreKind Store { get; set; } = AttachmentStoreKind.FileSystem;

    /// <summary>
    /// The file-system store's folder (with S3, only the local spool of uploads, in its <c>.spool</c>); default
    /// <c>attachments</c> in <c>Database:DataDirectory</c>. Relative paths start at the content root.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>How old a blob no row refers to must be before the cleanup removes it: longer than any upload takes to commit.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When the recurring job <c>attachment-orphans</c> runs (China time); default 04:10 every night.</summary>
    [Required]
    public string OrphanCleanupCron { get; set; } = "10 4 * * *";

    /// <summary>The S3-compatible store, with <see cref="Store"/> = S3.</summary>
    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>The longer side of a thumbnail, in pixels.</summary>
    [Range(32, 2048)]
    public int ThumbnailSize { get; set; } = 320;
}

/// <summary>Section <c>Attachments:S3</c>: any S3-compatible object store (AWS S3, MinIO, Ceph RGW, OSS/COS S3 endpoints).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The endpoint, e.g. <c>https://minio.internal:9000</c>; empty for AWS itself (then <see cref="Region"/> decides).</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    /// <summary>Prepended to every key, so one bucket can hold several installations (e.g. <c>hotline/</c>).</summary>
    public string Prefix { get; set; } = string.Empty;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which MinIO and most self-hosted stores need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
