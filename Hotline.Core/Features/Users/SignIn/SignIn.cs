using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Audit;
using Hotline.Core.Data;
using Hotline.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.SignIn;

/// <summary>
/// Checks a user name and password under the limits of <see cref="SignInLimiter"/>: refused with
/// <see cref="SignInThrottledException"/> while the account or the client <paramref name="Address"/> must wait; a wrong
/// name or password counts against both; a success clears the account's count. Null when the name and password do not
/// match an active user.
/// </summary>
public sealed record SignIn(string? UserName, string? Password, string? Address = null) : IRequest<UserInfo?>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).OverridePropertyName("userName");
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200).OverridePropertyName("password");
    }
}

/// <remarks>Every attempt goes to the audit trail: a sign-in, a failed one (with the name that was tried) and one refused by the limits.</remarks>
public sealed class SignInHandler(HotlineDbContext db, IPasswordHasher<User> hasher, SignInLimiter limiter, AuditLog audit) : IRequestHandler<SignIn, UserInfo?>
{
    public async Task<UserInfo?> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var keys = SignInLimiter.KeysOf(request.UserName, request.Address);
        try
        {
            await limiter.EnsureAllowedAsync(keys, cancellationToken);
        }
        catch (SignInThrottledException)
        {
            await RecordAsync(null, AuditActions.SignInThrottled, "登录尝试过多，已被暂时限制", cancellationToken);
            throw;
        }

        var user = await CheckAsync(request, cancellationToken);
        if (user is null)
        {
            await limiter.RecordFailureAsync(keys, cancellationToken);
            await RecordAsync(null, AuditActions.SignInFailed, "用户名或密码错误", cancellationToken);
        }
        else
        {
            await limiter.RecordSuccessAsync(keys, cancellationToken);
            await RecordAsync(user.Id, AuditActions.SignIn, null, cancellationToken);
        }

        return user;

        Task RecordAsync(Guid? userId, string action, string? summary, CancellationToken ct)
        {
            audit.Add(userId, request.UserName ?? string.Empty, action, summary, "User", userId?.ToString());
            return db.SaveChangesAsync(ct);
        }
    }

    private async Task<UserInfo?> CheckAsync(SignIn request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == request.UserName, cancellationToken);
        if (user is null || !user.IsActive)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed.
            hasher.HashPassword(new User(Guid.Empty, "unknown", "unknown", [], null), request.Password!);
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, request.Password!));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new UserInfo(user.Id, user.UserName, user.DisplayName, user.Roles, user.UnitId);
    }
}
