namespace Hotline.Domain.Users;

/// <summary>A console user. Department users belong to exactly one unit.</summary>
public sealed class User
{
    private User()
    {
        UserName = string.Empty;
        DisplayName = string.Empty;
        PasswordHash = string.Empty;
        Roles = [];
    }

    public User(Guid id, string userName, string displayName, IEnumerable<string> roles, Guid? unitId)
    {
        Id = id;
        UserName = userName;
        DisplayName = displayName;
        PasswordHash = string.Empty;
        Roles = roles.Distinct(StringComparer.Ordinal).ToList();
        UnitId = unitId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public string PasswordHash { get; private set; }

    public List<string> Roles { get; private set; }

    public Guid? UnitId { get; private set; }

    public bool IsActive { get; private set; }

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void Change(string displayName, IEnumerable<string> roles, Guid? unitId, bool isActive)
    {
        DisplayName = displayName;
        Roles = roles.Distinct(StringComparer.Ordinal).ToList();
        UnitId = unitId;
        IsActive = isActive;
    }
}
