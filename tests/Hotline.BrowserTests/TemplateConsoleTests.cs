using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>常用语, 工单模板 and 答复模板 as agents, units and supervisors use them; the keystrokes of a phone registration.</summary>
public sealed class TemplateConsoleTests(ConsoleFixture console)
{
    /// <summary>
    /// A typical phone registration (停水 at a street address, caller's name and number, how long it has lasted),
    /// keyboard only: every character typed and every key pressed counts one (a chord such as Ctrl+Enter counts one).
    /// The form before quick phrases and templates took 83; the order template, the {地点} filled from the address
    /// and Tab through the placeholders cut it to what this test bounds.
    /// </summary>
    [Fact]
    public async Task A_Typical_Phone_Registration_Should_Take_At_Most_45_Keystrokes_With_The_Order_Template()
    {
        var agent = await console.SignInAsync("agent", "agent");
        var keys = new Keystrokes(agent.Keyboard);
        try
        {
            await Expect(agent.Locator("#category-search")).ToBeFocusedAsync();
            await Expect(agent.Locator("#order-template option")).Not.ToHaveCountAsync(1);

            // The category, and with it the template: type, urgency and the demand's skeleton.
            await keys.TypeAsync("ts");
            await keys.PressAsync("Enter");
            await Expect(agent.GetByTestId("template-applied")).ToContainTextAsync("已套用「停水」");
            await Expect(agent.Locator("#type")).ToHaveValueAsync("HelpRequest");
            await Expect(agent.Locator("#urgency")).ToHaveValueAsync("Urgent");
            await Expect(agent.Locator("#content")).ToHaveValueAsync("市民来电反映：{地点}自来水停水，已持续{时长}，诉求尽快恢复供水。");

            // Category list, template, urgency: on to the caller.
            await keys.PressAsync("Tab", 4);
            await Expect(agent.Locator("#citizen-name")).ToBeFocusedAsync();
            await keys.TypeAsync("王先生");
            await keys.PressAsync("Tab", 2);
            await keys.TypeAsync("13700009999");
            await keys.PressAsync("Tab");
            await keys.PressAsync("ArrowDown");
            await keys.PressAsync("Tab");
            await keys.PressAsync("ArrowDown");
            await keys.PressAsync("Tab");
            await Expect(agent.Locator("#address")).ToBeFocusedAsync();
            await keys.TypeAsync("东华门大街5号楼");
            await keys.PressAsync("Tab");

            // The address fills {地点}; Tab in the demand selects the next placeholder and typing overwrites it.
            await Expect(agent.Locator("#content")).ToBeFocusedAsync();
            await Expect(agent.Locator("#content")).ToHaveValueAsync("市民来电反映：东城区东华门街道东华门大街5号楼自来水停水，已持续{时长}，诉求尽快恢复供水。");
            await keys.PressAsync("Tab");
            await keys.TypeAsync("两天");
            await Expect(agent.Locator("#content")).ToHaveValueAsync("市民来电反映：东城区东华门街道东华门大街5号楼自来水停水，已持续两天，诉求尽快恢复供水。");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-order-template");
            await keys.PressAsync("Control+Enter");

            await Expect(agent.GetByTestId("created")).ToContainTextAsync("已登记工单");
            var number = await agent.GetByTestId("created").Locator("a strong").InnerTextAsync();
            using var api = await console.ApiClientAsync("agent");
            var found = await api.GetStringAsync($"api/tickets?q={number}", TestContext.Current.CancellationToken);
            found.ShouldContain("HelpRequest");
            found.ShouldContain("Urgent");
            keys.Count.ShouldBeLessThanOrEqualTo(45);
            Console.WriteLine($"Keystrokes for a typical phone registration: {keys.Count}");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Quick_Phrases_Should_Be_Inserted_At_The_Caret_By_Shortcut_Or_Click()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await Expect(agent.GetByTestId("shortcut-hint")).ToContainTextAsync("Alt+Shift+1…9");
            await Expect(agent.GetByTestId("phrases")).ToContainTextAsync("多次反映");
            var content = agent.Locator("#content");
            await content.FocusAsync();
            await agent.Keyboard.TypeAsync("楼里停水。");

            // At the end of what was typed, then at the start (the caret moved with Home), then a click at the caret.
            await agent.Keyboard.PressAsync("Alt+Shift+1");
            await Expect(content).ToHaveValueAsync("楼里停水。市民表示已多次反映，问题仍未解决。");
            await agent.Keyboard.PressAsync("Control+Home");
            await agent.Keyboard.PressAsync("Alt+Shift+3");
            await Expect(content).ToHaveValueAsync("家中有老人，行动不便，请尽快处理。楼里停水。市民表示已多次反映，问题仍未解决。");
            await agent.GetByTestId("phrases").GetByRole(AriaRole.Button, new() { Name = "2 要求回电" }).ClickAsync();
            await Expect(content).ToHaveValueAsync("家中有老人，行动不便，请尽快处理。市民要求承办单位电话回复处理结果。楼里停水。市民表示已多次反映，问题仍未解决。");
            await Expect(content).ToBeFocusedAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "agent-quick-phrases");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Unit_Should_Reply_From_A_Template_With_The_Orders_Facts_Filled_In(bool phone)
    {
        var (id, number) = await console.RegisterOrderAsync("sw-ts", ("hd", "hd-zgc", "中关村大街27号"), "楼里停水两天了。", ("郑女士", "13700005555"), type: "HelpRequest", dispatch: true);
        var unit = await console.SignInAsync("water", "unit");
        try
        {
            if (phone)
            {
                await unit.SetViewportSizeAsync(390, 844);
            }

            await unit.GotoAsync($"tickets/{id}");
            await unit.GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
            await Expect(unit.GetByTestId("status")).ToHaveTextAsync("办理中");
            await unit.Locator("#contact-note").FillAsync("已电话联系市民");
            await unit.GetByRole(AriaRole.Button, new() { Name = "联系", Exact = true }).ClickAsync();
            await Expect(unit.GetByText("已记录联系。")).ToBeVisibleAsync();

            // The unit's own template for this category comes first; the centre's follow. Another unit's are not there.
            var picker = unit.Locator("#reply-template");
            await Expect(picker.Locator("option").Nth(1)).ToHaveTextAsync("本单位 · 管网抢修完成");
            await Expect(picker.Locator("option", new() { HasText = "中心 · 已解决" })).ToHaveCountAsync(1);
            await picker.SelectOptionAsync(new SelectOptionValue { Label = "中心 · 已解决" });
            var answer = unit.Locator("#reply-answer");
            await Expect(answer).ToHaveValueAsync($"郑女士您好，关于您反映的停水问题（工单编号 {number}），我单位已于{{日期}}派员现场处置，问题已解决。感谢您的监督。");
            await picker.ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(unit, phone ? "unit-reply-template-phone" : "unit-reply-template");
            if (phone)
            {
                (await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
                var box = (await picker.BoundingBoxAsync()).ShouldNotBeNull();
                (box.X + box.Width).ShouldBeLessThanOrEqualTo(390);
            }

            await answer.FillAsync((await answer.InputValueAsync()).Replace("{日期}", "12月2日"));
            await unit.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
            await Expect(unit.GetByTestId("status")).Not.ToHaveTextAsync("办理中");
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_Supervisor_Should_Add_Reorder_And_Deactivate_Phrases_And_A_Unit_Should_See_Only_Its_Reply_Templates()
    {
        var name = "测试" + Random.Shared.Next(1000, 9999);
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GetByRole(AriaRole.Link, new() { Name = "常用语与模板" }).ClickAsync();
            await Expect(supervisor.Locator("[data-testid=templates] tbody tr").First).ToBeVisibleAsync();

            // An empty text is refused beside its field, with the focus on it.
            await supervisor.Locator("#template-name").FillAsync(name);
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(supervisor.Locator("#template-body-error")).ToHaveTextAsync("请填写常用语的内容。");
            await Expect(supervisor.Locator("#template-body")).ToBeFocusedAsync();

            await supervisor.Locator("#template-body").FillAsync("市民称已拨打过物业电话。");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(supervisor.GetByTestId("admin-saved")).ToContainTextAsync($"已保存常用语「{name}」");
            var rows = supervisor.Locator("[data-testid=templates] tbody tr");
            await Expect(rows.Last).ToHaveAttributeAsync("data-template", name);

            // Up one place, then off the agents' list.
            await supervisor.GetByRole(AriaRole.Button, new() { Name = $"上移 {name}" }).ClickAsync();
            await Expect(supervisor.GetByTestId("admin-saved")).ToContainTextAsync("已调整");
            await Expect(rows.Nth(await rows.CountAsync() - 2)).ToHaveAttributeAsync("data-template", name);
            var row = supervisor.Locator($"tr[data-template='{name}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
            await Expect(row).ToContainTextAsync("已停用");
            await ConsoleFixture.ScreenshotAsync(supervisor, "supervisor-templates");

            // The order templates tab shows what each fills in.
            await supervisor.GetByRole(AriaRole.Tab, new() { Name = "工单模板" }).ClickAsync();
            await Expect(supervisor.Locator("tr[data-template='停水']")).ToContainTextAsync("供水排水 › 停水 · 求助 · 加急");
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await Expect(agent.GetByTestId("phrases")).ToContainTextAsync("多次反映");
            await Expect(agent.GetByTestId("phrases")).Not.ToContainTextAsync(name);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }

        var unit = await console.SignInAsync("gas", "unit");
        try
        {
            await unit.GetByRole(AriaRole.Link, new() { Name = "答复模板" }).ClickAsync();
            await Expect(unit.GetByRole(AriaRole.Tab)).ToHaveTextAsync(["答复模板"]);
            await Expect(unit.Locator("tr[data-template='已解决']")).ToContainTextAsync("中心统一");
            await Expect(unit.Locator("tr[data-template='管网抢修完成']")).ToHaveCountAsync(0);
            await unit.Locator("#template-name").FillAsync("燃气恢复");
            await unit.Locator("#template-body").FillAsync("{称呼}您好，工单 {工单编号} 所涉燃气已恢复供应。");
            await unit.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(unit.Locator("tr[data-template='燃气恢复']")).ToContainTextAsync("市燃气集团");
            await ConsoleFixture.ScreenshotAsync(unit, "unit-reply-templates");
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }

    /// <summary>Sends keys and counts them: a character typed or a key (or chord) pressed is one keystroke.</summary>
    private sealed class Keystrokes(IKeyboard keyboard)
    {
        public int Count { get; private set; }

        public async Task TypeAsync(string text)
        {
            await keyboard.TypeAsync(text);
            Count += text.Length;
        }

        public async Task PressAsync(string key, int times = 1)
        {
            for (var i = 0; i < times; i++)
            {
                await keyboard.PressAsync(key);
                Count++;
            }
        }
    }
}
