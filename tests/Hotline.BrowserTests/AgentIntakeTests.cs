using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>The agent's intake form as a call is taken: keyboard first, the catalogue searched as callers speak.</summary>
public sealed class AgentIntakeTests(ConsoleFixture console)
{
    [Fact]
    public async Task Category_Picker_Should_List_The_Catalogue_At_Once_And_Find_Synonyms_And_Pinyin_Initials_With_Enter_Picking()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            var search = agent.Locator("#category-search");
            var options = agent.Locator("#category option");

            // The caret is in the search when the form opens, and the whole catalogue is there before any keystroke.
            await Expect(search).ToBeFocusedAsync();
            await Expect(options.Filter(new() { HasText = "停水" })).ToHaveCountAsync(1);
            await Expect(options.Filter(new() { HasText = "住房公积金" })).ToHaveCountAsync(1);

            // What callers say: 没水 and 自来水 find 停水; so do its pinyin initials.
            foreach (var words in new[] { "没水", "自来水", "ts" })
            {
                await search.FillAsync(words);
                await Expect(options.First).ToHaveTextAsync("停水");
            }

            // Enter picks the first match and does not submit the form.
            await search.FillAsync("没水");
            await search.PressAsync("Enter");
            await Expect(agent.GetByTestId("category-picked")).ToHaveTextAsync("已选：供水排水 › 停水");
            await Expect(agent.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Expect(agent.GetByTestId("created")).ToHaveCountAsync(0);
            await Expect(search).ToBeFocusedAsync();
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Districts_Should_Be_Listed_In_The_Official_Order()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            var districts = agent.Locator("#district option");
            await Expect(districts).ToHaveTextAsync(["请选择区", "东城区", "西城区", "朝阳区", "海淀区"]);

            await agent.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await Expect(agent.Locator("#street option")).ToHaveTextAsync(["街道/乡镇（可不选）", "东华门街道", "景山街道", "交道口街道", "天坛街道"]);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Registering_Should_Mark_Each_Field_In_Error_And_Move_The_Focus_To_The_First()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            // Nothing filled in: each missing field says what it needs, the first one gets the caret.
            await agent.Locator("#citizen-name").FillAsync("刘女士");
            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();
            await Expect(agent.Locator("#category-search-error")).ToContainTextAsync("请选择诉求分类");
            await Expect(agent.Locator("#district-error")).ToHaveTextAsync("请选择区。");
            await Expect(agent.Locator("#content-error")).ToHaveTextAsync("请填写诉求内容。");
            await Expect(agent.Locator("#category-search")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(agent.Locator("#category-search")).ToHaveAttributeAsync("aria-describedby", "category-search-error");
            await Expect(agent.Locator("#category-search")).ToBeFocusedAsync();
            await Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("有 3 处需要修改");

            // Another desk's new order refreshes the page's queue live; the summary of this form's errors stays.
            var (_, other) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街3号"), "楼里停水。", ("周先生", "13700007777"));
            await Expect(agent.Locator($"tr[data-number='{other}']")).ToBeVisibleAsync();
            await Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("有 3 处需要修改");

            // Fixing a field clears its mark; the API's own check (a malformed phone) lands beside its field too.
            await agent.Locator("#category-search").FillAsync("停水");
            await agent.Locator("#category-search").PressAsync("Enter");
            await Expect(agent.Locator("#category-search-error")).ToHaveCountAsync(0);
            await agent.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await agent.Locator("#content").FillAsync("家里停水一天了。");
            await agent.Locator("#citizen-phone").FillAsync("电话#12");
            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();
            await Expect(agent.Locator("#citizen-phone-error")).ToHaveTextAsync("电话号码格式不正确。");
            await Expect(agent.Locator("#citizen-phone")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(agent.Locator("#citizen-phone")).ToBeFocusedAsync();
            await Expect(agent.Locator("#content")).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(agent.GetByTestId("created")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(agent, "agent-form-errors");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Caller_History_Should_List_Each_Earlier_Order_Once_With_Its_Content_Progress_Merge_And_The_Name_And_Address_To_Reuse()
    {
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        var (_, number) = await console.RegisterOrderAsync("rq-yh", ("xc", "xc-zxl", "展览路社区8号楼"), "楼道里有很重的煤气味，担心漏气。", ("冯阿姨", phone), dispatch: true);

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.Locator("#citizen-phone").FillAsync(phone);
            await agent.Locator("#citizen-phone").BlurAsync();
            var history = agent.GetByTestId("caller-history");

            // Once on the page (it was listed twice, in 历史 and in 重复件), with what it was about.
            var row = agent.Locator($"li[data-number='{number}']");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("楼道里有很重的煤气味");
            await Expect(row).ToContainTextAsync("可能重复");

            // What the caller gave last time, one click each.
            await history.GetByRole(AriaRole.Button, new() { Name = "沿用姓名：冯阿姨" }).ClickAsync();
            await Expect(agent.Locator("#citizen-name")).ToHaveValueAsync("冯阿姨");
            await history.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^沿用地址：西城区 展览路街道 展览路社区8号楼$") }).ClickAsync();
            await Expect(agent.Locator("#district option:checked")).ToHaveTextAsync("西城区");
            await Expect(agent.Locator("#street option:checked")).ToHaveTextAsync("展览路街道");
            await Expect(agent.Locator("#address")).ToHaveValueAsync("展览路社区8号楼");

            // 告知进度: what to tell the caller, without opening the order.
            await row.GetByRole(AriaRole.Button, new() { Name = "告知进度" }).ClickAsync();
            await Expect(row.GetByTestId("progress")).ToContainTextAsync("目前待签收；承办单位：市燃气集团");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-caller-history");

            // The call is the same matter again: registered, then merged into the earlier order.
            await agent.Locator("#category-search").FillAsync("漏气");
            await agent.Locator("#category-search").PressAsync("Enter");
            await agent.Locator("#content").FillAsync("煤气味还在，再次反映。");
            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();
            await Expect(agent.GetByTestId("created")).ToContainTextAsync("已登记工单");
            await row.GetByRole(AriaRole.Button, new() { Name = "合并到此单" }).ClickAsync();
            await Expect(agent.GetByTestId("created")).ToContainTextAsync("已合并为重复件。");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }
}
