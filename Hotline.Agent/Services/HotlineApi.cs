using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>The typed client of the Hotline API used by the console.</summary>
public sealed class HotlineApi(HttpClient http, Session session)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<string?> SignInAsync(string userName, string password)
    {
        var response = await http.PostAsJsonAsync("api/auth/token", new TokenRequest(userName, password), Json);
        if (!response.IsSuccessStatusCode)
        {
            return "用户名或密码错误。";
        }

        session.SignIn((await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!);
        return null;
    }

    public async Task<PagedResult<TicketListItemDto>> ListTicketsAsync(int page = 1)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/tickets?page={page}&pageSize=50");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token?.AccessToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PagedResult<TicketListItemDto>>(Json))!;
    }
}
