using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.GetSoftphoneToken;

/// <summary>
/// The browser softphone's access token (<c>GET /api/agents/me/softphone-token</c>): a Twilio Access Token for the
/// signed-in agent's client identity (<see cref="TwilioAccessToken.IdentityOf"/>), valid one hour, signed with the API
/// key's secret. Only for an agent whose 接听方式 is the browser (409 otherwise); a deployment without Twilio or without
/// the softphone's API key and TwiML App answers 503 (<see cref="SoftphoneUnavailableException"/>), as the rest of the
/// telephony degrades (docs/decisions/0005).
/// </summary>
public sealed record GetSoftphoneToken : IRequest<SoftphoneTokenDto>;

public sealed class GetSoftphoneTokenHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, TwilioCredentials credentials, IOptions<TwilioOptions> twilio)
    : IRequestHandler<GetSoftphoneToken, SoftphoneTokenDto>
{
    public async Task<SoftphoneTokenDto> Handle(GetSoftphoneToken request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        if (credentials.Line == TelephonyLine.Local)
        {
            throw new SoftphoneUnavailableException("本地模拟线路不使用浏览器软电话：接听后即接通，无需在浏览器中通话。");
        }

        if (!credentials.SoftphoneConfigured)
        {
            throw new SoftphoneUnavailableException("浏览器软电话未配置（需要 Twilio 及其 API 密钥和 TwiML 应用），请联系管理员，或将接听方式改为电话。");
        }

        var connection = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CallConnection).FirstOrDefaultAsync(cancellationToken);
        if (connection != CallConnection.Browser)
        {
            throw new DomainException("您的接听方式是电话，不需要浏览器软电话；如需在浏览器中接听，请先将接听方式改为浏览器软电话。");
        }

        var options = twilio.Value;
        var now = time.GetUtcNow();
        var identity = TwilioAccessToken.IdentityOf(userId);
        var token = TwilioAccessToken.Create(options.AccountSid!, options.ApiKeySid!, options.ApiKeySecret!, identity, options.TwimlAppSid!, now, TwilioAccessToken.MaxLifetime);
        return new SoftphoneTokenDto(token, identity, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()) + TwilioAccessToken.MaxLifetime);
    }
}

/// <summary>The browser softphone cannot be used on this deployment (503 with the reason in Chinese).</summary>
public sealed class SoftphoneUnavailableException(string message) : Exception(message);
