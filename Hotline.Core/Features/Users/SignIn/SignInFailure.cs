namespace Hotline.Core.Features.Users.SignIn;

/// <summary>
/// Recent failed sign-ins of one account or one client address (table <c>SignInFailures</c>), shared by every API node
/// through the database. <see cref="Key"/> is <c>user:{name}</c> or <c>addr:{address}</c>.
/// </summary>
public sealed class SignInFailure
{
    public const int MaxKeyLength = 100;

    public string Key { get; set; } = string.Empty;

    /// <summary>Failures since the count last started; a failure after a quiet <see cref="SignInLimitOptions.Window"/> starts it again.</summary>
    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>No sign-in through this account or address before this instant (the delay after a failure, or the lockout).</summary>
    public DateTimeOffset? BlockedUntil { get; set; }
}
