using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Users;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Users.Passwords;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.CreateUser;

public sealed record CreateUser(CreateUserRequest Body) : IRequest<UserDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UserCreated;
    public string? AuditSummary => $"新建账号：{Body.UserName}";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(ReferenceDataCache reference, Passwords.PasswordPolicy passwords)
    {
        RuleFor(x => x.Body.UserName).NotEmpty().Matches("^[A-Za-z0-9._-]{2,64}$").OverridePropertyName("userName")
            .WithMessage("登录名须为 2 到 64 位字母、数字、点、下划线或连字符。");
        RuleFor(x => x.Body.DisplayName).NotEmpty().MaximumLength(100).OverridePropertyName("displayName");
        RuleFor(x => x.Body.Password).MaximumLength(200).OverridePropertyName("password");
        RuleFor(x => x.Body.Password).MeetsPolicy(passwords, x => x.Body.UserName).OverridePropertyName("password");
        RuleFor(x => x.Body.Roles).NotEmpty().OverridePropertyName("roles").WithMessage("请至少选择一个角色。");
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
