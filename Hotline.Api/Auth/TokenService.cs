using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.Auth;

/// <summary>
/// Issues access tokens. Tokens follow the wall clock (TimeProvider.System), not the injected business clock,
/// because the JWT handler validates their lifetime against the wall clock.
/// </summary>
public sealed class TokenService(SigningKeyProvider keys, IOptions<JwtOptions> options, UserAccessCache access)
{
    /// <summary>A token for a user who just signed in, stamped with the account as it is now (see <see cref="UserAccessCache"/>).</summary>
    public async Task<TokenResponse> IssueAsync(UserInfo user, CancellationToken ct)
    {
        access.Forget(user.Id);
        var current = await access.GetAsync(user.Id, ct) ?? throw new InvalidOperationException("The user who signed in no longer exists.");
        var now = TimeProvider.System.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new List<Claim>
        {
            new(ClaimsActor.UserIdClaim, user.Id.ToString()),
            new(ClaimsActor.NameClaim, user.UserName),
            new("display_name", user.DisplayName),
            new(UserAccessCache.StampClaim, current.Stamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimsActor.RoleClaim, r)));
        if (user.UnitId is { } unitId)
        {
            claims.Add(new Claim(ClaimsActor.UnitIdClaim, unitId.ToString()));
        }

        var token = new JwtSecurityToken(
            options.Value.Issuer,
            options.Value.Audience,
            claims,
            now.UtcDateTime,
            expires.UtcDateTime,
            new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256));
        return new TokenResponse(new JwtSecurityTokenHandler().WriteToken(token), expires, user);
    }
}
