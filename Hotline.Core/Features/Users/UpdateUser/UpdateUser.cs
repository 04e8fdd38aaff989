using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Users;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Users.Passwords;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.UpdateUser;

public sealed record UpdateUser(Guid Id, UpdateUserRequest Body) : IRequest<UserDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UserChanged;
    public string? AuditTargetType => "User";
    public string? AuditTargetId => Id.ToString();
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator(ReferenceDataCache reference, Passwords.PasswordPolicy passwords)
    {
        RuleFor(x => x.Body.DisplayName).MaximumLength(100).OverridePropertyName("displayName");
        RuleFor(x => x.Body.Password).MaximumLength(200).OverridePropertyName("password");
        RuleFor(x => x.Body.Password).MeetsPolicy(passwords).When(x => x.Body.Password is not null).OverridePropertyName("password");
        RuleFor(x => x.Body.Roles).NotEmpty().When(x => x.Body.Roles is not null).OverridePropertyName("roles")
            .WithMessage("请至少选择一个角色（停用账号请用「停用」）。");
        RuleForEach(x => x.Body.Roles).Must(r => Roles.All.Contains(r)).OverridePropertyName("roles")
            .WithMessage($"角色必须是 {string.Join(", ", Roles.All)} 之一。");
        RuleFor(x => x.Body.CallConnection).IsInEnum().OverridePropertyName("callConnection").WithMessage("接听方式必须是 Phone（电话）或 Browser（浏览器软电话）。");
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
        if (body.CallConnection is { } connection)
        {
            user.SetCallConnection(connection);
        }

        if (body.Password is not null)
        {
            user.SetPasswordHash(hasher.HashPassword(user, body.Password));
        }

        await db.SaveChangesAsync(cancellationToken);
        access.Forget(user.Id);
        return UserMapping.ToDto(user);
    }
}
