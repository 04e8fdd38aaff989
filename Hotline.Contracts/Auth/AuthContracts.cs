namespace Hotline.Contracts.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, UserInfo User);

public sealed record UserInfo(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId);

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? UnitId);

public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? UnitId, bool? IsActive);

public sealed record UserDto(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, bool IsActive);
