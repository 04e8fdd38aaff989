using Hotline.Contracts.Auth;
using Hotline.Core.Features.Users.Sessions;

namespace Hotline.Core.Features.Users.SignIn;

/// <summary>The user and the session started when <see cref="Outcome"/> is <see cref="SignInOutcome.SignedIn"/>.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserInfo? User = null, SessionGrant? Session = null);
