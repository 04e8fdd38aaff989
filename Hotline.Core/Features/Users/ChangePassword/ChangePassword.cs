using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Users.Passwords;
using Hotline.Core.Features.Users.SignIn;
using Hotline.Core.Features.Users.TwoFactor;
using Hotline.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Core.Features.Users.ChangePassword;

/// <summary>
/// The signed-in user (<paramref name="UserId"/>, from the token) changes their own password: the current one must be right (a wrong one counts against the
/// account's sign-in limits, so a stolen token cannot guess it), the new one must meet <see cref="PasswordPolicy"/>.
/// Every token and refresh of the account then ends (the password stamp changed): the user signs in again.
/// </summary>
/// <remarks>
/// Audited by the handler, not as an <see cref="IAuditedRequest"/>: a wrong current password is counted (and saved)
/// before the command is refused, and that save must not carry an entry saying the password changed.
/// </remarks>
public sealed record ChangePassword(Guid UserId, ChangePasswordRequest Body) : IRequest<Unit>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(PasswordPolicy passwords)
    {
        RuleFor(x => x.Body.CurrentPassword).NotEmpty().MaximumLength(200).OverridePropertyName("currentPassword");
        RuleFor(x => x.Body.NewPassword).MaximumLength(200).OverridePropertyName("newPassword");
        RuleFor(x => x.Body.NewPassword).MeetsPolicy(passwords).OverridePropertyName("newPassword");
    }
}

public sealed class ChangePasswordHandler(HotlineDbContext db, ICurrentUser currentUser, IPasswordHasher<User> hasher, PasswordPolicy passwords, SignInLimiter limiter, UserAccessCache access, AuditLog audit)
    : IRequestHandler<ChangePassword, Unit>
{
    public async Task<Unit> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(db, request.UserId, cancellationToken);
        var keys = SignInLimiter.KeysOf(user.UserName, currentUser.Address);
        await limiter.EnsureAllowedAsync(keys, cancellationToken);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.Body.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            await limiter.RecordFailureAsync(keys, cancellationToken);
            throw new ValidationException([new ValidationFailure("currentPassword", "当前密码不正确。")]);
        }

        if (passwords.Problem(request.Body.NewPassword, user.UserName) is { } problem)
        {
            throw new ValidationException([new ValidationFailure("newPassword", problem)]);
        }

        user.SetPasswordHash(hasher.HashPassword(user, request.Body.NewPassword!));
        audit.Add(AuditActions.PasswordChanged, targetType: "User", targetId: user.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        access.Forget(user.Id);
        return Unit.Value;
    }
}
