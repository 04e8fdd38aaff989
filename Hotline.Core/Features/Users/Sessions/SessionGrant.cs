namespace Hotline.Core.Features.Users.Sessions;

/// <summary>A session just started or refreshed: its id for the access token, and the refresh token shown once.</summary>
public sealed record SessionGrant(Guid SessionId, string RefreshToken, DateTimeOffset ExpiresAt, bool EnrolmentOnly);
