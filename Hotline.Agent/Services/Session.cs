using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Microsoft.JSInterop;

namespace Hotline.Agent.Services;

/// <summary>
/// The signed-in user of this browser tab. The token is kept in sessionStorage so that a reload keeps the
/// user signed in while closing the tab signs out. Before the access token runs out (or when the API refuses it) the
/// session's refresh token gets a new one (<c>POST /api/auth/refresh</c>), so a shift longer than the token's
/// lifetime is not interrupted; a session an Admin ended, or a changed account, signs out.
/// </summary>
public sealed class Session(IJSRuntime js, TimeProvider clock, HttpClient http)
{
    private const string StorageKey = "hotline.session";

    /// <summary>A token with less than this left is renewed before it is used.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _refreshing = new(1, 1);

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
            if (token is not null && (token.ExpiresAt > clock.GetUtcNow().AddMinutes(1) || token.RefreshToken is not null))
            {
                Token = token;
                if (token.ExpiresAt <= clock.GetUtcNow() + RefreshAhead && !await RefreshAsync(token.AccessToken))
                {
                    await SignOutAsync();
                }
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

    /// <summary>The access token to send now, renewed first when it is about to run out.</summary>
    public async Task<string?> AccessTokenAsync()
    {
        if (Token is { } token && token.ExpiresAt <= clock.GetUtcNow() + RefreshAhead && token.RefreshToken is not null)
        {
            await RefreshAsync(token.AccessToken);
        }

        return Token?.AccessToken;
    }

    /// <summary>
    /// Renews the access token that <paramref name="stale"/> was (once per tab at a time: a request that waited finds
    /// it renewed already). False when the session cannot be renewed: no refresh token, or the API refused it.
    /// </summary>
    public async Task<bool> RefreshAsync(string stale)
    {
        await _refreshing.WaitAsync();
        try
        {
            if (Token is not { RefreshToken: { } refreshToken } current)
            {
                return false;
            }

            if (current.AccessToken != stale)
            {
                return true;
            }

            using var response = await http.PostAsJsonAsync("api/auth/refresh", new RefreshRequest(refreshToken), JsonSerializerOptions.Web);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var renewed = await response.Content.ReadFromJsonAsync<TokenResponse>(JsonSerializerOptions.Web);
            if (renewed is null)
            {
                return false;
            }

            // The same user and session: no Changed event (pages and the hub keep going; the hub reads the new token).
            Token = renewed;
            await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, JsonSerializer.Serialize(renewed, JsonSerializerOptions.Web));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public async Task SignOutAsync()
    {
        Token = null;
        await js.InvokeVoidAsync("sessionStorage.removeItem", StorageKey);
        Changed?.Invoke();
    }
}
