using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Microsoft.JSInterop;

namespace Hotline.Agent.Services;

/// <summary>
/// The signed-in user of this browser tab. The token is kept in sessionStorage so that a reload keeps the
/// user signed in while closing the tab signs out; it is dropped when it expires.
/// </summary>
public sealed class Session(IJSRuntime js, TimeProvider clock)
{
    private const string StorageKey = "hotline.session";

    public TokenResponse? Token { get; private set; }

    public UserInfo? User => Token?.User;

    public event Action? Changed;

    /// <summary>The role requires a second factor not enrolled yet: only the 两步验证 page opens.</summary>
    public bool EnrolmentOnly => Token?.TwoFactorEnrolmentRequired == true;

    public bool IsIn(string role) => !EnrolmentOnly && User?.Roles.Contains(role) == true;

    /// <summary>The page a user lands on after signing in.</summary>
    public string HomePath => User is null ? "/"
        : EnrolmentOnly ? "/account/2fa"
        : IsIn(Roles.Agent) ? "/agent"
        : IsIn(Roles.Department) ? "/unit"
        : IsIn(Roles.Supervisor) || IsIn(Roles.Admin) ? "/supervisor"
        : IsIn(Roles.Callback) ? "/callbacks"
        : IsIn(Roles.KnowledgeEditor) ? "/knowledge/articles"
        : "/search";

    public async Task RestoreAsync()
    {
        try
        {
            var json = await js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey);
            var token = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<TokenResponse>(json, JsonSerializerOptions.Web);
            if (token is not null && token.ExpiresAt > clock.GetUtcNow().AddMinutes(1))
            {
                Token = token;
            }
        }
        catch (JSException)
        {
            // Storage unavailable or corrupt: start signed out.
        }
    }

    public async Task SignInAsync(TokenResponse token)
    {
        Token = token;
        await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, JsonSerializer.Serialize(token, JsonSerializerOptions.Web));
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        Token = null;
        await js.InvokeVoidAsync("sessionStorage.removeItem", StorageKey);
        Changed?.Invoke();
    }
}
