namespace Hotline.Api.Auth;

/// <summary>Section <c>Auth</c>. Every API node must share one <see cref="SigningKey"/>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "hotline";

    public string Audience { get; set; } = "hotline";

    /// <summary>At least 32 characters. Unset on the embedded default: a random key is kept in the data folder.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a unit system's client-credentials token lives (docs/integration.md); 1 minute to 24 hours.</summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
