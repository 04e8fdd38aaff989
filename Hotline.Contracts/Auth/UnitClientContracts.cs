using System.Text.Json.Serialization;

namespace Hotline.Contracts.Auth;

/// <summary>An Admin issues a unit's own system a machine credential (docs/integration.md).</summary>
public sealed record CreateUnitClientRequest(string? Name, Guid? UnitId);

/// <summary>A credential just issued or rotated: <see cref="ClientSecret"/> is shown this once and never again.</summary>
public sealed record UnitClientSecretDto(Guid Id, string Name, Guid UnitId, string UnitName, string ClientId, string ClientSecret, string SecretHint, DateTimeOffset IssuedAt);

public sealed record UnitClientDto(
    Guid Id,
    string Name,
    Guid UnitId,
    string UnitName,
    string ClientId,
    string SecretHint,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RotatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    bool IsActive);

/// <summary>The OAuth 2.0 token response (RFC 6749 §5.1), with its standard snake_case names.</summary>
public sealed record ClientTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
