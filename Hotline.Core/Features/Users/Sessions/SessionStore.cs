using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Data;
using Hotline.Domain.Users;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.Sessions;

/// <summary>Starts sessions in the request's unit of work (the caller's save writes the row with its audit entry).</summary>
public sealed class SessionStore(HotlineDbContext db, TimeProvider clock, IOptions<AccountOptions> options, UserAccessCache access)
{
    public const int MaxUserAgentLength = 200;

    public SessionGrant Start(User user, string? address, string? userAgent, bool secondFactor, bool enrolmentOnly)
    {
        var now = clock.GetUtcNow();
        var refreshToken = NewRefreshToken();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
            RefreshTokenHash = HashOf(refreshToken),
            PasswordStamp = UserAccessCache.StampOf(user.PasswordHash),
            Address = address is null ? null : Clip(address, 64),
            UserAgent = userAgent is null ? null : Clip(new string(userAgent.Where(c => !char.IsControl(c)).ToArray()), MaxUserAgentLength),
            SecondFactor = secondFactor,
            EnrolmentOnly = enrolmentOnly,
        };
        db.Set<UserSession>().Add(session);
        // This node knows the session is live: its first requests need no read (nor a database that answers).
        access.RememberSession(session.Id);
        return new SessionGrant(session.Id, refreshToken, session.ExpiresAt, enrolmentOnly);
    }

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewRefreshToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
