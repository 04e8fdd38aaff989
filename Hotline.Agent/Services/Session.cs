using Hotline.Contracts.Auth;

namespace Hotline.Agent.Services;

/// <summary>The signed-in user of this browser tab.</summary>
public sealed class Session
{
    public TokenResponse? Token { get; private set; }

    public UserInfo? User => Token?.User;

    public event Action? Changed;

    public void SignIn(TokenResponse token)
    {
        Token = token;
        Changed?.Invoke();
    }

    public void SignOut()
    {
        Token = null;
        Changed?.Invoke();
    }
}
