namespace Hotline.Core.Features.Attachments;

/// <summary>A file larger than <see cref="AttachmentOptions.MaxFileBytes"/>: the API answers 413 and keeps nothing.</summary>
public sealed class AttachmentTooLargeException(long limit)
    : Exception($"文件超过大小上限 {limit / (1024 * 1024.0):0.#} MB，未保存。(The file is larger than {limit} bytes.)")
{
    public long Limit { get; } = limit;
}

/// <summary>A file whose bytes are none of the allowed types (or an image that cannot be decoded): 415, nothing kept.</summary>
public sealed class UnsupportedAttachmentException(string message) : Exception(message);
