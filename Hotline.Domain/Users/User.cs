using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

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

    /// <summary>
    /// The TOTP shared secret as stored: encrypted by the Core's <c>TotpSecretProtector</c> (never the Base32 secret itself);
    /// pending while <see cref="TwoFactorEnabledAt"/> is null, in force after.
    /// </summary>
    public string? TwoFactorSecret { get; private set; }

    public DateTimeOffset? TwoFactorEnabledAt { get; private set; }

    /// <summary>The last TOTP time step accepted: a code of this step or an earlier one is refused (no replay).</summary>
    public long? TwoFactorLastStep { get; private set; }

    public bool TwoFactorEnabled => TwoFactorEnabledAt is not null;

    /// <summary>How an answered caller reaches this user as an agent (接听方式): their phone (the default) or the browser softphone.</summary>
    public CallConnection CallConnection { get; private set; }

    public void SetCallConnection(CallConnection connection) => CallConnection = connection;

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    /// <summary>Starts (or restarts) an enrolment with a new secret; refused once a second factor is in force.</summary>
    public void BeginTwoFactorEnrolment(string secret)
    {
        if (TwoFactorEnabled)
        {
            throw new DomainException("两步验证已启用；如需更换设备，请联系管理员重置。");
        }

        TwoFactorSecret = secret;
        TwoFactorLastStep = null;
    }

    /// <summary>Puts the pending secret in force once a code from it was verified at <paramref name="step"/>.</summary>
    public void EnableTwoFactor(DateTimeOffset at, long step)
    {
        if (TwoFactorEnabled)
        {
            throw new DomainException("两步验证已启用。");
        }

        if (TwoFactorSecret is null)
        {
            throw new DomainException("请先开始绑定身份验证器。");
        }

        TwoFactorEnabledAt = at;
        TwoFactorLastStep = step;
    }

    /// <summary>An Admin's reset (a lost phone): the account signs in with its password alone, or enrols again.</summary>
    /// <summary>Replaces a secret stored in the clear (before encryption at rest) by its encrypted form; nothing else changes.</summary>
    public void ProtectTwoFactorSecret(string protectedSecret)
    {
        TwoFactorSecret = protectedSecret;
    }

    public void ResetTwoFactor()
    {
        TwoFactorSecret = null;
        TwoFactorEnabledAt = null;
        TwoFactorLastStep = null;
    }

    public void Change(string displayName, IEnumerable<string> roles, Guid? unitId, bool isActive)
    {
        DisplayName = displayName;
        Roles = roles.Distinct(StringComparer.Ordinal).ToList();
        UnitId = unitId;
        IsActive = isActive;
    }
}
