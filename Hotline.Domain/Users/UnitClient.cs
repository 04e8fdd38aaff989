using System.Security.Cryptography;
using System.Text;
using Hotline.Domain.Common;

namespace Hotline.Domain.Users;

/// <summary>
/// A unit's own work-order system (the water company's, a district's) signed in as a machine: OAuth 2.0 client
/// credentials bound to one unit. It acts exactly like a Department user of that unit. Only the secret's SHA-256
/// hash is kept; a rotation replaces it, a revocation is final.
/// </summary>
public sealed class UnitClient
{
    public const int MaxNameLength = 100;
    public const string ClientIdPrefix = "uc_";
    public const string SecretPrefixText = "ucs_";
    public const int SecretHintLength = 8;

    private UnitClient()
    {
        Name = string.Empty;
        ClientId = string.Empty;
        SecretHash = string.Empty;
        SecretHint = string.Empty;
        CreatedBy = string.Empty;
    }

    public UnitClient(Guid id, Guid unitId, string name, string secret, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        UnitId = unitId;
        Name = name;
        ClientId = NewClientId();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        SecretHash = Hash(secret);
        SecretHint = HintOf(secret);
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>What the system is, shown on the timeline with the unit (市自来水集团工单系统).</summary>
    public string Name { get; private set; }

    /// <summary>The public half of the credential (<c>client_id</c>); unique, never changes.</summary>
    public string ClientId { get; private set; }

    /// <summary>Upper-case hex SHA-256 of the secret.</summary>
    public string SecretHash { get; private set; }

    /// <summary>The secret's first characters, so an Admin can tell which secret a system holds without seeing it.</summary>
    public string SecretHint { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the client last obtained a token.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>32 random bytes as URL-safe text: the secret handed out once.</summary>
    public static string NewSecret() => Secrets.New(SecretPrefixText);

    public static string Hash(string secret) => Secrets.Hash(secret);

    /// <summary>True when <paramref name="secret"/> is this client's current secret (compared in constant time).</summary>
    public bool Verifies(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>Replaces the secret: tokens issued with the old one stop working (their stamp no longer matches).</summary>
    public void Rotate(string secret, DateTimeOffset now)
    {
        SecretHash = Hash(secret);
        SecretHint = HintOf(secret);
        RotatedAt = now;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    private static string NewClientId() => ClientIdPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    private static string HintOf(string secret) => secret[..Math.Min(secret.Length, SecretPrefixText.Length + SecretHintLength)];
}
