using Hotline.Contracts.Auth;
using MediatR;

namespace Hotline.Core.Features.Users.SignInLimits;

/// <summary>
/// <see cref="SignIn"/> under the limits of <see cref="SignInLimiter"/>: refused with <see cref="SignInThrottledException"/>
/// while the account or the client <paramref name="Address"/> must wait; a wrong name or password counts against both;
/// a success clears the account's count. Null when the name and password do not match an active user.
/// </summary>
public sealed record SignInWithLimits(string? UserName, string? Password, string? Address) : IRequest<UserInfo?>;

public sealed class SignInWithLimitsHandler(IMediator mediator, SignInLimiter limiter) : IRequestHandler<SignInWithLimits, UserInfo?>
{
    public async Task<UserInfo?> Handle(SignInWithLimits request, CancellationToken cancellationToken)
    {
        var keys = SignInLimiter.KeysOf(request.UserName, request.Address);
        await limiter.EnsureAllowedAsync(keys, cancellationToken);

        var user = await mediator.Send(new SignIn(request.UserName, request.Password), cancellationToken);
        if (user is null)
        {
            await limiter.RecordFailureAsync(keys, cancellationToken);
        }
        else
        {
            await limiter.RecordSuccessAsync(keys, cancellationToken);
        }

        return user;
    }
}
