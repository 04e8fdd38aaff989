using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Data.Seeding;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Users.Sessions;
using Hotline.Core.Features.Users.TwoFactor;
using Hotline.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.SignIn;

/// <summary>
/// Checks a user name and password, and the second factor when the account has one, under the limits of
/// <see cref="SignInLimiter"/>: refused with <see cref="SignInThrottledException"/> while the account or the client
/// <paramref name="Address"/> must wait; a wrong password, a wrong code and a reused code count against both; a
/// success clears the account's count and starts a session. <paramref name="Code"/> is the authenticator's six digits
/// or a recovery code.
/// </summary>
public sealed record SignIn(string? UserName, string? Password, string? Address = null, string? Code = null, string? UserAgent = null) : IRequest<SignInResult>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).OverridePropertyName("userName");
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200).OverridePropertyName("password");
        RuleFor(x => x.Code).MaximumLength(32).OverridePropertyName("code");
    }
}

/// <remarks>Every attempt goes to the audit trail: a sign-in, a failed one (with the name that was tried) and one refused by the limits.</remarks>
public sealed class SignInHandler(
    HotlineDbContext db,
    TotpSecretProtector protector,
    IPasswordHasher<User> hasher,
    SignInLimiter limiter,
    AuditLog audit,
    SessionStore sessions,
    TimeProvider clock,
    IOptions<AccountOptions> accounts,
    IOptions<SeedOptions> seed,
    IOptions<DatabaseOptions> database) : IRequestHandler<SignIn, SignInResult>
{
    public async Task<SignInResult> Handle(SignIn request, CancellationToken cancellationToken)
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

        var user = await CheckPasswordAsync(request, cancellationToken);
        if (user is null)
        {
            return await FailAsync(null, SignInOutcome.InvalidCredentials, "用户名或密码错误");
        }

        var secondFactor = false;
        string? how = null;
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                // The password was right: nothing to count yet, the client asks for the code and sends both again.
                return new SignInResult(SignInOutcome.CodeRequired);
            }

            var (outcome, used) = await CheckCodeAsync(user, request.Code, cancellationToken);
            if (outcome != SignInOutcome.SignedIn)
            {
                return await FailAsync(user.Id, outcome, outcome == SignInOutcome.CodeReused ? "动态验证码或恢复码已使用过" : "动态验证码错误");
            }

            secondFactor = true;
            how = used;
        }

        var enrolmentOnly = !user.TwoFactorEnabled && accounts.Value.RequiresSecondFactor(user.Roles) && !IsExemptDemoAccount(request.Password!);
        await limiter.RecordSuccessAsync(keys, cancellationToken);
        var grant = sessions.Start(user, request.Address, request.UserAgent, secondFactor, enrolmentOnly);
        await RecordAsync(user.Id, AuditActions.SignIn, how ?? (enrolmentOnly ? "登录（须先绑定两步验证）" : null), cancellationToken, grant.SessionId);
        return new SignInResult(SignInOutcome.SignedIn, new UserInfo(user.Id, user.UserName, user.DisplayName, user.Roles, user.UnitId), grant);

        async Task<SignInResult> FailAsync(Guid? userId, SignInOutcome outcome, string summary)
        {
            await limiter.RecordFailureAsync(keys, cancellationToken);
            await RecordAsync(userId, AuditActions.SignInFailed, summary, cancellationToken);
            return new SignInResult(outcome);
        }

        Task RecordAsync(Guid? userId, string action, string? summary, CancellationToken ct, Guid? sessionId = null)
        {
            audit.Add(userId, request.UserName ?? string.Empty, action, summary, sessionId is null ? "User" : "UserSession", sessionId?.ToString() ?? userId?.ToString());
            return db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A TOTP code is taken once per time step: the step is written only if it is later than the last one, in one
    /// statement, so two nodes cannot both accept the same code. A recovery code is spent the same way.
    /// </summary>
    private async Task<(SignInOutcome Outcome, string? How)> CheckCodeAsync(User user, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (TotpCodes.MatchStep(protector.Unprotect(user.TwoFactorSecret!), code, now) is { } step)
        {
            var taken = await db.Users
                .Where(u => u.Id == user.Id && (u.TwoFactorLastStep == null || u.TwoFactorLastStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, step), ct);
            return taken == 1 ? (SignInOutcome.SignedIn, "登录（动态验证码）") : (SignInOutcome.CodeReused, null);
        }

        if (RecoveryCode.HashOf(code) is not { } hash)
        {
            return (SignInOutcome.InvalidCode, null);
        }

        var spent = await db.Set<RecoveryCode>()
            .Where(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        if (spent == 1)
        {
            var left = await db.Set<RecoveryCode>().CountAsync(r => r.UserId == user.Id && r.UsedAt == null, ct);
            return (SignInOutcome.SignedIn, $"登录（恢复码，剩余 {left} 个）");
        }

        var known = await db.Set<RecoveryCode>().AnyAsync(r => r.UserId == user.Id && r.CodeHash == hash, ct);
        return (known ? SignInOutcome.CodeReused : SignInOutcome.InvalidCode, null);
    }

    /// <summary>
    /// Demo accounts are there to be tried: where the demo city is seeded, an account still on the demo password may
    /// skip a required second factor. Once its password is changed, the requirement holds.
    /// </summary>
    private bool IsExemptDemoAccount(string password)
    {
        var demoSeeded = seed.Value.Demo.Seed ?? database.Value.Provider == DatabaseProvider.Sqlite;
        return (accounts.Value.DemoAccountsWithoutSecondFactor ?? demoSeeded) && password == DatabaseInitializer.DemoPassword;
    }

    private async Task<User?> CheckPasswordAsync(SignIn request, CancellationToken cancellationToken)
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

        return user;
    }
}
