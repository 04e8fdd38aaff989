using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The dispatch panel on a registered order follows the dispatch catalogue: when the order is reclassified (here
/// or at another desk) the suggestion and the pre-selected unit change with it, unless the agent picked a unit.
/// </summary>
public sealed class DispatchPanelTests(ConsoleFixture console)
{
    [Fact]
    public async Task Panel_Should_Propose_The_New_Unit_When_The_Order_Is_Reclassified()
    {
        using var http = await console.ApiClientAsync("agent");
        var created = await http.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone",
            type = "Complaint",
            categoryCode = "sw-ts",
            urgency = "Normal",
            citizen = new { name = "周女士", phone = "13700002222", confidential = false },
            location = new { districtCode = "dc", streetCode = "dc-dhm", address = "东华门大街3号" },
            content = "楼下雨水井堵塞，路面积水。",
        }, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.GotoAsync($"tickets/{id}");
            var suggestion = agent.GetByTestId("suggestion");
            var picked = agent.Locator("#dispatch-unit option:checked");
            await Expect(suggestion).ToContainTextAsync("市自来水集团");
            await Expect(picked).ToHaveTextAsync("市自来水集团");

            // 停水 → 排水堵塞: the catalogue now sends it to the water authority, and so does the panel.
            await agent.Locator("#reclassify-category").SelectOptionAsync("sw-ps");
            await agent.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
            await Expect(agent.Locator("p.ok")).ToHaveTextAsync("已修改分类/紧急程度。");
            await Expect(suggestion).ToContainTextAsync("市水务局");
            await Expect(picked).ToHaveTextAsync("市水务局");
            await ConsoleFixture.ScreenshotAsync(agent, "order-reclassified-dispatch");

            // Another desk reclassifies it: the TicketChanged push brings the new version and the new unit.
            var version = (await (await http.GetAsync($"api/tickets/{id}", TestContext.Current.CancellationToken))
                .Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("version").GetInt32();
            (await http.PostAsJsonAsync($"api/tickets/{id}/classification", new { categoryCode = "gr-bz", urgency = "Normal", type = "Complaint", version }, TestContext.Current.CancellationToken))
                .EnsureSuccessStatusCode();
            await Expect(suggestion).ToContainTextAsync("市热力集团");
            await Expect(picked).ToHaveTextAsync("市热力集团");

            // A unit the agent picked by hand stays picked; the panel says it differs from the suggestion.
            await agent.Locator("#dispatch-unit").SelectOptionAsync(new SelectOptionValue { Label = "市燃气集团" });
            await agent.Locator("#reclassify-category").SelectOptionAsync("sw-ts");
            await agent.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
            await Expect(suggestion).ToContainTextAsync("市自来水集团");
            await Expect(picked).ToHaveTextAsync("市燃气集团");
            await Expect(agent.GetByTestId("manual-unit")).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "order-dispatch-manual-unit");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Unit_Picker_Should_Group_The_Units_Offer_A_Search_And_Leave_Out_The_Hotline_Centre()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("xc", "xc-ssh", "什刹海前海东沿1号"), "胡同里停水了。", ("吴先生", "13700004444"));

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.GotoAsync($"tickets/{id}");
            var picker = agent.Locator("#dispatch-unit");
            await Expect(agent.Locator("#dispatch-unit option:checked")).ToHaveTextAsync("市自来水集团");
            await Expect(picker.Locator("optgroup")).ToHaveCountAsync(4);
            (await picker.Locator("optgroup").EvaluateAllAsync<string[]>("gs => gs.map(g => g.label)")).ShouldBe(["市级部门", "公共服务企业", "区政府", "街道办事处"]);
            await Expect(picker.Locator("option", new() { HasText = "12345市民服务热线中心" })).ToHaveCountAsync(0);
            // District governments in the official order: 东城, 西城, 朝阳, 海淀.
            await Expect(picker.Locator("optgroup[label='区政府'] option")).ToHaveTextAsync(["东城区人民政府", "西城区人民政府", "朝阳区人民政府", "海淀区人民政府"]);

            // The search narrows the list (the picked unit stays) and Enter picks its first match without leaving the page.
            await agent.Locator("#dispatch-unit-search").FillAsync("燃气");
            await Expect(picker.Locator("option")).ToHaveTextAsync(["选择承办单位", "市燃气集团", "市自来水集团"]);
            await agent.Locator("#dispatch-unit-search").PressAsync("Enter");
            await Expect(agent.Locator("#dispatch-unit option:checked")).ToHaveTextAsync("市燃气集团");
            await Expect(agent.GetByTestId("status")).ToHaveTextAsync("待派单");
            await ConsoleFixture.ScreenshotAsync(agent, "order-dispatch-unit-search");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }
}
