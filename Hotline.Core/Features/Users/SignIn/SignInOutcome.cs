namespace Hotline.Core.Features.Users.SignIn;

public enum SignInOutcome
{
    SignedIn,
    InvalidCredentials,

    /// <summary>The password is right and the account has a second factor: send the code with it.</summary>
    CodeRequired,
    InvalidCode,

    /// <summary>A right code of a time step already used (replay), or a recovery code already spent.</summary>
    CodeReused,
}
