namespace Hotline.Core.Data;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c> (docs/integration.md): reserved before the write runs, then holding its
/// answer so a retry with the same key gets the same answer instead of a second change. Keys belong to the caller
/// (<see cref="Scope"/>: the account or machine client), so two systems never collide, and live for
/// <see cref="Features.Common.Idempotency.IdempotencyOptions.Retention"/>.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;
    public const int MaxBodyLength = 256 * 1024;

    /// <summary>Who sent it: the user's or machine client's id, or the name of an actor without one.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 of method, path, query and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>Null while the write runs; the answer's status once it has one.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
