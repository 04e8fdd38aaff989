using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Users.SignIn;

/// <summary>
/// <c>Auth:SignInLimits</c>: how many failed sign-ins an account and a client address may have before each further
/// attempt waits (a delay that doubles with every failure), and when a temporary lockout starts. Only failures count:
/// a successful sign-in never adds to them, and it clears the account's count.
/// </summary>
public sealed class SignInLimitOptions : IValidatableObject
{
    public const string Section = "Auth:SignInLimits";

    /// <summary>Failures of one account before the first delay.</summary>
    [Range(1, 1000)]
    public int AccountFreeFailures { get; set; } = 3;

    /// <summary>Failures of one account that lock it for <see cref="Lockout"/>.</summary>
    [Range(1, 1000)]
    public int AccountLockoutFailures { get; set; } = 10;

    /// <summary>Failures from one client address (any accounts) before the first delay; an office behind one NAT shares it.</summary>
    [Range(1, 100000)]
    public int AddressFreeFailures { get; set; } = 20;

    /// <summary>Failures from one client address that lock it for <see cref="Lockout"/>.</summary>
    [Range(1, 100000)]
    public int AddressLockoutFailures { get; set; } = 100;

    /// <summary>The wait after the first failure beyond the free ones; it doubles with each further failure, up to <see cref="Lockout"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A count with no failure for this long starts again from zero.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccountLockoutFailures < AccountFreeFailures || AddressLockoutFailures < AddressFreeFailures)
        {
            yield return new ValidationResult("Auth:SignInLimits: a lockout needs at least as many failures as the free ones.");
        }

        if (FirstDelay <= TimeSpan.Zero || Lockout < FirstDelay || Window <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Auth:SignInLimits: FirstDelay, Lockout and Window must be positive, and Lockout at least FirstDelay.");
        }
    }
}
