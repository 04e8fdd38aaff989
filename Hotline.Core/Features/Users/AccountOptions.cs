using System.ComponentModel.DataAnnotations;
using Hotline.Contracts;

namespace Hotline.Core.Features.Users;

/// <summary>Section <c>Accounts</c>: second factor, password rules and session lifetime of staff accounts (docs/security.md).</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>
    /// Roles whose accounts must sign in with a second factor, comma-separated (empty: none); without one they may
    /// only enrol. A list in one string, because the configuration binder appends to a default array.
    /// </summary>
    public string TwoFactorRequiredRoles { get; set; } = $"{Roles.Admin},{Roles.Supervisor}";

    public IReadOnlyList<string> RequiredRoles => TwoFactorRequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Demo accounts (still on the demo password) sign in without a second factor. Null: only where the demo city is
    /// seeded (<c>Demo:Seed</c>, on by default for the embedded SQLite database only).
    /// </summary>
    public bool? DemoAccountsWithoutSecondFactor { get; set; }

    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>How long a sign-in's refresh token can renew its access token.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    [Range(4, 20)]
    public int RecoveryCodeCount { get; set; } = 10;

    /// <summary>The issuer an authenticator app shows beside the account name.</summary>
    public string TotpIssuer { get; set; } = "Hotline 12345";

    public bool RequiresSecondFactor(IEnumerable<string> roles) => roles.Any(r => RequiredRoles.Contains(r, StringComparer.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var role in RequiredRoles.Where(r => !Roles.All.Contains(r)))
        {
            yield return new ValidationResult($"Accounts:TwoFactorRequiredRoles: {role} is not a role ({string.Join(", ", Roles.All)}).");
        }

        if (SessionLifetime <= TimeSpan.Zero || string.IsNullOrWhiteSpace(TotpIssuer))
        {
            yield return new ValidationResult("Accounts:SessionLifetime must be positive and Accounts:TotpIssuer set.");
        }
    }
}
