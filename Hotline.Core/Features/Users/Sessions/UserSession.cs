namespace Hotline.Core.Features.Users.Sessions;

/// <summary>
/// One sign-in (table <c>UserSessions</c>): its access tokens carry its id (<c>sid</c>) and are refused once it has
/// ended, and its refresh token (kept only as a hash, replaced at every refresh) renews them until
/// <see cref="ExpiresAt"/>.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string RefreshTokenHash { get; set; } = string.Empty;

    /// <summary>The account's password stamp at sign-in: a new password ends the session's refreshes.</summary>
    public string PasswordStamp { get; set; } = string.Empty;

    public string? Address { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>Signed in with the authenticator or a recovery code.</summary>
    public bool SecondFactor { get; set; }

    /// <summary>A required second factor is not enrolled yet: the session's tokens only open the enrolment.</summary>
    public bool EnrolmentOnly { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }
}
