using Hotline.Domain.Common;

namespace Hotline.Domain.Citizens;

/// <summary>A system allowed to create requests through Open311 (<c>api_key</c>). Only the key's SHA-256 hash is kept.</summary>
public sealed class Open311Client
{
    public const int MaxNameLength = 60;
    public const int KeyPrefixLength = 8;

    private Open311Client()
    {
        Name = string.Empty;
        KeyHash = string.Empty;
        KeyPrefix = string.Empty;
        CreatedBy = string.Empty;
    }

    public Open311Client(Guid id, string name, string keyHash, string keyPrefix, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        KeyHash = keyHash;
        KeyPrefix = keyPrefix;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Upper-case hex SHA-256 of the key; unique.</summary>
    public string KeyHash { get; private set; }

    /// <summary>The key's first characters, so an Admin can tell keys apart without seeing them.</summary>
    public string KeyPrefix { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>32 random bytes as URL-safe text: the key handed out once.</summary>
    public static string NewKey() => Secrets.New("o311_");

    public static string Hash(string key) => Secrets.Hash(key);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
