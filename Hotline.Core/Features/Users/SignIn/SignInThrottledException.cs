namespace Hotline.Core.Features.Users.SignIn;

/// <summary>A sign-in refused before the password was checked: the account or the address must wait (HTTP 429 with Retry-After).</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
