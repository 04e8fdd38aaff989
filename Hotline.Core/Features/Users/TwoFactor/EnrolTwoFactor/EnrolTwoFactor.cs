using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.TwoFactor.EnrolTwoFactor;

/// <summary>
/// Starts binding an authenticator to the signed-in account: a new secret, pending until <c>ConfirmTwoFactor</c> proves
/// the app holds it. Asking again replaces a pending secret; an account whose second factor is in force is refused
/// (409: an Admin resets it).
/// </summary>
public sealed record EnrolTwoFactor : IRequest<TwoFactorEnrolmentDto>;

public sealed class EnrolTwoFactorHandler(HotlineDbContext db, ICurrentUser currentUser, IOptions<AccountOptions> options, TotpSecretProtector protector) : IRequestHandler<EnrolTwoFactor, TwoFactorEnrolmentDto>
{
    public async Task<TwoFactorEnrolmentDto> Handle(EnrolTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(db, currentUser, cancellationToken);
        var secret = TotpCodes.NewSecret();
        user.BeginTwoFactorEnrolment(protector.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        var uri = TotpCodes.OtpAuthUri(options.Value.TotpIssuer, user.UserName, secret);
        return new TwoFactorEnrolmentDto(secret, uri, QrCodeSvg.Render(uri));
    }
}
