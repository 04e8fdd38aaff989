using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.Auth;

/// <summary>
/// Issues access tokens. Tokens follow the wall clock (TimeProvider.System), not the injected business clock,
/// because the JWT handler validates their lifetime against the wall clock.
/// </summary>
public sealed class TokenService(SigningKeyProvider keys, IOptions<JwtOptions> options)
{
    public TokenResponse Issue(UserInfo user)
    {
        var now = TimeProvider.System.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new List<Claim>
        {
            new(ClaimsActor.UserIdClaim, user.Id.ToString()),
            new(ClaimsActor.NameClaim, user.UserName),
            new("display_name", user.DisplayName),
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
