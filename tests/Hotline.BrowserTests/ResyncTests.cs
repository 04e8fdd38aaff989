using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// A unit's console loses its hub connection while an order is dispatched to it; when the connection comes back
/// the console replays the missed change from <c>/api/events</c> and the order appears without a reload.
/// </summary>
public sealed class ResyncTests(ConsoleFixture console)
{
    [Fact]
    public async Task Inbox_Should_Show_An_Order_Dispatched_While_Disconnected_When_The_Hub_Reconnects()
    {
        var context = await console.NewContextAsync();
        var blocked = false;
        IWebSocketRoute? socket = null;
        try
        {
            // Every hub socket goes through the test, which can cut it; negotiation fails while "the network is down".
            await context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/hotline"), ws =>
            {
                socket = ws;
                ws.ConnectToServer();
            });
            await context.RouteAsync("**/hubs/hotline/negotiate**", route => blocked ? route.AbortAsync() : route.ContinueAsync());

            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.Locator("#user").FillAsync("water");
            await page.Locator("#password").FillAsync("Demo#12345");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            var badge = page.GetByTestId("connection");
            await Expect(badge).ToContainTextAsync("已连接");
            await Expect(page.GetByRole(AriaRole.Tab).First).ToBeVisibleAsync();

            blocked = true;
            await socket!.CloseAsync(new() { Code = 1011, Reason = "network down (test)" });
            await Expect(badge).ToContainTextAsync("重新连接中");

            var number = await RegisterAndDispatchAsync();

            blocked = false;
            await Expect(badge).ToContainTextAsync("已连接");
            await Expect(page.Locator($"tr[data-number='{number}']")).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private async Task<string> RegisterAndDispatchAsync()
    {
        using var http = new HttpClient { BaseAddress = console.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = await http.PostAsJsonAsync("api/auth/token", new { userName = "agent", password = "Demo#12345" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var created = await http.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone",
            type = "Complaint",
            categoryCode = "sw-ts",
            urgency = "Normal",
            citizen = new { name = "李先生", phone = "13700001111", confidential = false },
            location = new { districtCode = "dc", streetCode = "dc-dhm", address = "东华门大街2号" },
            content = "断线期间登记的停水工单。",
        });
        created.EnsureSuccessStatusCode();
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = ticket.GetProperty("id").GetString();
        (await http.PostAsJsonAsync($"api/tickets/{id}/dispatch", new { })).EnsureSuccessStatusCode();
        return ticket.GetProperty("number").GetString()!;
    }
}
