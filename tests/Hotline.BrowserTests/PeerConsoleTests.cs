using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 平台对接 and 转办其他平台 (issue 21 item 3): an Admin adds a peer hotline, sees the shared secret once, and disables it;
/// a supervisor transfers an order to a peer from the order page and sees it closed with the peer's status pending.
/// </summary>
public sealed class PeerConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Admin_Should_AddAPeerHotline_SeeTheSecretOnce_AndDisableIt()
    {
        var name = "天津12345-" + Guid.NewGuid().ToString("N")[..4];
        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "平台对接" }).ClickAsync();

            await admin.GetByLabel("名称").FillAsync(name);
            await admin.GetByLabel("接口地址").FillAsync("ftp://127.0.0.1/exchange/");
            await admin.GetByLabel("对接标识").FillAsync("jjj-" + Guid.NewGuid().ToString("N")[..8]);
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(admin.Locator("#peer-url-error")).ToContainTextAsync("http 或 https");

            await admin.GetByLabel("接口地址").FillAsync("http://127.0.0.1:9/api/exchange/");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var secret = (await admin.Locator("[data-testid=peer-secret] code").InnerTextAsync()).Trim();
            secret.ShouldStartWith("peer_");
            var row = admin.Locator("tr", new() { HasText = name });
            await Expect(row).ToContainTextAsync("热线平台");
            await Expect(row).ToContainTextAsync("启用");
            await Expect(row).Not.ToContainTextAsync(secret);
            await ConsoleFixture.ScreenshotAsync(admin, "admin-peers");

            await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
            await Expect(admin.Locator("tr", new() { HasText = name })).ToContainTextAsync("已停用");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Agent_Should_HandAnEmergencyOverFromTheOrderPage_RecordedWhenNoPeerIsConfigured()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街5号"), "楼道起火，已三方转接119。 " + Guid.NewGuid().ToString("N")[..6], ("钱女士", "13900004444"));
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.GotoAsync($"tickets/{id}");
            var form = agent.GetByTestId("emergency-handover");
            await form.GetByLabel("移交对象").SelectOptionAsync("119");
            await form.GetByLabel("移交说明").FillAsync("三楼有人被困");
            await form.GetByTestId("handover-send").ClickAsync();

            await Expect(agent.Locator("p.ok[role=status]")).ToContainTextAsync("移交单已记录在工单上");
            await Expect(agent.Locator(".timeline").Filter(new() { HasText = "119" }).First).ToBeVisibleAsync();
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Supervisor_Should_TransferAnOrderToAPeerHotline_FromTheOrderPage()
    {
        var peerName = "河北12345-" + Guid.NewGuid().ToString("N")[..4];
        using (var admin = await console.ApiClientAsync("admin"))
        {
            var saved = await admin.PostAsJsonAsync("api/admin/peers", new { name = peerName, kind = "Hotline", baseUrl = "http://127.0.0.1:9/api/exchange/", key = "hb-" + Guid.NewGuid().ToString("N")[..8] }, TestContext.Current.CancellationToken);
            saved.EnsureSuccessStatusCode();
        }

        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "廊坊市广阳区新华路1号"), "廊坊市小区停水，来电误拨北京12345。 " + Guid.NewGuid().ToString("N")[..6], ("郑先生", "13900002222"));
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync($"tickets/{id}");
            var form = supervisor.GetByTestId("transfer-out");
            var submit = form.GetByRole(AriaRole.Button, new() { Name = "转办" });
            await Expect(submit).ToBeDisabledAsync();
            await form.GetByLabel("对接平台").SelectOptionAsync(new SelectOptionValue { Label = peerName });
            await form.GetByLabel("转办说明").FillAsync("地址属于河北省廊坊市");
            await submit.ClickAsync();

            await Expect(supervisor.GetByTestId("transfer-out-status")).ToContainTextAsync($"{peerName}：待对方受理");
            await Expect(supervisor.Locator(".timeline").Filter(new() { HasText = "转办其他平台" }).First).ToBeVisibleAsync();
            await Expect(supervisor.GetByTestId("transfer-out")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(supervisor, "ticket-transfer-out");

            using var api = await console.ApiClientAsync("supervisor");
            var order = await api.GetFromJsonAsync<JsonElement>($"api/tickets/{id}", TestContext.Current.CancellationToken);
            order.GetProperty("closeReason").GetString().ShouldBe("TransferredOut");
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }
    }
}
