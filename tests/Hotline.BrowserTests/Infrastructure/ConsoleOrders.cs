using System.Net.Http.Json;
using System.Text.Json;

namespace Hotline.BrowserTests.Infrastructure;

/// <summary>Orders the console tests start from, made over HTTP.</summary>
internal static class ConsoleOrders
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A complaint about water registered, dispatched by the catalogue to the water company and signed for.</summary>
    public static async Task<(string Id, string Number)> AcceptedComplaintAsync(ConsoleFixture console, string content, string citizenName, string address)
    {
        using var agent = await console.ApiClientAsync("agent");
        var created = await agent.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone",
            type = "Complaint",
            categoryCode = "sw-ts",
            urgency = "Normal",
            citizen = new { name = citizenName, phone = "1370000" + Random.Shared.Next(1000, 9999), confidential = false },
            location = new { districtCode = "dc", streetCode = "dc-dhm", address },
            content,
        }, Ct);
        created.EnsureSuccessStatusCode();
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (id, number) = (json.GetProperty("id").GetString()!, json.GetProperty("number").GetString()!);
        await PostAsync(agent, id, "dispatch", new { });
        using var water = await console.ApiClientAsync("water");
        await PostAsync(water, id, "accept", new { });
        return (id, number);
    }

    public static async Task PostAsync(HttpClient http, string id, string action, object body) =>
        (await http.PostAsJsonAsync($"api/tickets/{id}/{action}", body, Ct)).EnsureSuccessStatusCode();
}
