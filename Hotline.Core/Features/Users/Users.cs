using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Users;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users;

/// <summary>Checks a user name and password; null when they do not match an active user.</summary>
public sealed record SignIn(string? UserName, string? Password) : IRequest<UserInfo?>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).OverridePropertyName("userName");
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200).OverridePropertyName("password");
    }
}

public sealed class SignInHandler(HotlineDbContext db, IPasswordHasher<User> hasher) : IRequestHandler<SignIn, UserInfo?>
{
    public async Task<UserInfo?> Handle(SignIn request, CancellationToken cancellationToken)
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

public sealed record ListUsers : IRequest<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(HotlineDbContext db) : IRequestHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(ListUsers request, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(UserMapping.ToDto)
            .ToList();
}

public sealed record CreateUser(CreateUserRequest Body) : IRequest<UserDto>;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Body.UserName).NotEmpty().Matches("^[A-Za-z0-9._-]{2,64}$").OverridePropertyName("userName");
        RuleFor(x => x.Body.DisplayName).NotEmpty().MaximumLength(100).OverridePropertyName("displayName");
        RuleFor(x => x.Body.Password).NotEmpty().MinimumLength(8).MaximumLength(200).OverridePropertyName("password");
        RuleFor(x => x.Body.Roles).NotEmpty().OverridePropertyName("roles");
        RuleForEach(x => x.Body.Roles).Must(r => Roles.All.Contains(r)).OverridePropertyName("roles")
            .WithMessage($"角色必须是 {string.Join(", ", Roles.All)} 之一。");
        RuleFor(x => x.Body.UnitId).NotNull().When(x => x.Body.Roles?.Contains(Roles.Department) == true)
            .OverridePropertyName("unitId").WithMessage("承办单位用户必须属于一个单位。");
        RuleFor(x => x.Body.UnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.Body.UnitId is not null).WithMessage("单位不存在。").OverridePropertyName("unitId");
    }
}

public sealed class CreateUserHandler(HotlineDbContext db, IPasswordHasher<User> hasher) : IRequestHandler<CreateUser, UserDto>
{
    public async Task<UserDto> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (await db.Users.AnyAsync(u => u.UserName == body.UserName, cancellationToken))
        {
            throw new DomainException($"用户名 {body.UserName} 已存在。");
        }

        var user = new User(Guid.NewGuid(), body.UserName!, body.DisplayName!.Trim(), body.Roles!, body.UnitId);
        user.SetPasswordHash(hasher.HashPassword(user, body.Password!));
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return UserMapping.ToDto(user);
    }
}

public sealed record UpdateUser(Guid Id, UpdateUserRequest Body) : IRequest<UserDto>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Body.DisplayName).MaximumLength(100).OverridePropertyName("displayName");
        RuleFor(x => x.Body.Password).MinimumLength(8).MaximumLength(200).When(x => x.Body.Password is not null).OverridePropertyName("password");
        RuleForEach(x => x.Body.Roles).Must(r => Roles.All.Contains(r)).OverridePropertyName("roles")
            .WithMessage($"角色必须是 {string.Join(", ", Roles.All)} 之一。");
        RuleFor(x => x.Body.UnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.Body.UnitId is not null).WithMessage("单位不存在。").OverridePropertyName("unitId");
    }
}

public sealed class UpdateUserHandler(HotlineDbContext db, IPasswordHasher<User> hasher, UserAccessCache access) : IRequestHandler<UpdateUser, UserDto>
{
    public async Task<UserDto> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("用户", request.Id);
        var body = request.Body;
        var roles = body.Roles ?? user.Roles;
        var unitId = body.UnitId ?? user.UnitId;
        if (roles.Contains(Roles.Department) && unitId is null)
        {
            throw new DomainException("承办单位用户必须属于一个单位。");
        }

        user.Change(body.DisplayName?.Trim() ?? user.DisplayName, roles, unitId, body.IsActive ?? user.IsActive);
        if (body.Password is not null)
        {
            user.SetPasswordHash(hasher.HashPassword(user, body.Password));
        }

        await db.SaveChangesAsync(cancellationToken);
        access.Forget(user.Id);
        return UserMapping.ToDto(user);
    }
}

internal static class UserMapping
{
    public static UserDto ToDto(User u) => new(u.Id, u.UserName, u.DisplayName, u.Roles, u.UnitId, u.IsActive);
}
