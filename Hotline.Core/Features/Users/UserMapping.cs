using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Domain.Users;

namespace Hotline.Core.Features.Users;

internal static class UserMapping
{
    public static UserDto ToDto(User u) => new(u.Id, u.UserName, u.DisplayName, u.Roles, u.UnitId, u.IsActive, u.TwoFactorEnabled, u.CallConnection);
}
