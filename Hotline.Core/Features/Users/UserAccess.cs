
namespace Hotline.Core.Features.Users;

/// <summary>What an access token was issued for: the account's state, roles, unit and a stamp of its password.</summary>
public sealed record UserAccess(bool IsActive, IReadOnlyList<string> Roles, Guid? UnitId, string Stamp);
