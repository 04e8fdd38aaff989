namespace Hotline.Contracts.Auth;

/// <param name="Code">The authenticator's six digits or a recovery code, when the account has a second factor.</param>
public sealed record TokenRequest(string? UserName, string? Password, string? Code = null);

/// <param name="RefreshToken">Exchanged at <c>POST /api/auth/refresh</c> for a new access token while the session lives.</param>
/// <param name="SessionId">The sign-in's session, as an Admin sees it and can end it.</param>
/// <param name="TwoFactorEnrolmentRequired">The account's role requires a second factor it has not enrolled: this token only opens <c>/api/account/2fa</c>.</param>
public sealed record TokenResponse(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    UserInfo User,
    string? RefreshToken = null,
    Guid? SessionId = null,
    bool TwoFactorEnrolmentRequired = false);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record UserInfo(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId);

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? UnitId);

/// <summary>An Admin's change of a user; null leaves a field as it is. <c>callConnection</c>: how an agent takes calls (接听方式).</summary>
public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? UnitId, bool? IsActive, Telephony.CallConnection? CallConnection = null);

public sealed record UserDto(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, bool IsActive, bool TwoFactorEnabled = false, Telephony.CallConnection CallConnection = Telephony.CallConnection.Phone);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A started enrolment: the secret to type in, the otpauth:// URI an authenticator app scans, and that URI as an SVG QR code.</summary>
public sealed record TwoFactorEnrolmentDto(string Secret, string OtpAuthUri, string QrCodeSvg);

public sealed record TwoFactorConfirmRequest(string? Code);

/// <summary>Shown once: each code signs in once instead of the authenticator; only their hashes are kept.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> Codes);

/// <summary>The account's own second-factor state.</summary>
public sealed record TwoFactorStatusDto(bool Enabled, DateTimeOffset? EnabledAt, bool Required, int RecoveryCodesLeft);

/// <summary>One sign-in that can still refresh its token.</summary>
public sealed record SessionDto(
    Guid Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? Address,
    string? UserAgent,
    bool SecondFactor,
    bool EnrolmentOnly);
