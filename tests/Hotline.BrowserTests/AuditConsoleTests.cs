using System.Net.Http.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The 审计日志 page (issue 20 item 3, issue 22 item 6): an admin change made a moment ago is listed with what changed,
/// the filters narrow the list, a malformed date is refused under its field, the chain verifies and the export runs;
/// and the 个人信息删除 page, after which the order page shows 已脱敏.
/// </summary>
public sealed class AuditConsoleTests(ConsoleFixture console)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditPage_Should_ListFilterAndVerifyTheTrail_When_AnAdminOpensIt()
    {
        using var api = await console.ApiClientAsync("admin");
        var policy = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("api/appeal-policy", Ct);
        var days = policy.GetProperty("windowWorkingDays").GetInt32();
        (await api.PutAsJsonAsync("api/appeal-policy", new { windowWorkingDays = days + 1 }, Ct)).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("api/appeal-policy", new { windowWorkingDays = days }, Ct)).EnsureSuccessStatusCode();

        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "审计日志", Exact = true }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("审计日志");
            var rows = admin.GetByTestId("audit-entries").Locator("tbody tr");
            await Expect(rows.First).ToBeVisibleAsync();

            // Narrowed to the appeal policy changes: the newest says what it changed, old and new value.
            await admin.Locator("#audit-action").SelectOptionAsync(new SelectOptionValue { Label = "修改申诉期限" });
            await admin.Locator("#audit-actor").FillAsync("admin");
            await admin.Locator("#audit-search").ClickAsync();
            await Expect(rows.First).ToHaveAttributeAsync("data-action", "appeal-policy.saved");
            (await admin.Locator("tbody tr:not([data-action='appeal-policy.saved'])").CountAsync()).ShouldBe(0);
            await rows.First.Locator("summary").ClickAsync();
            await Expect(rows.First.Locator(".audit-changes")).ToContainTextAsync($"{days + 1} → {days}");
            await Expect(rows.First).ToContainTextAsync("admin");

            await admin.Locator("#audit-verify").ClickAsync();
            await Expect(admin.GetByTestId("audit-verification")).ToContainTextAsync("哈希链完整");
            await ConsoleFixture.ScreenshotAsync(admin, "admin-audit");

            // A date not in 年-月-日 is refused under its field, with the focus on it.
            await admin.Locator("#audit-from").FillAsync("2026/11/30");
            await admin.Locator("#audit-search").ClickAsync();
            await Expect(admin.Locator("#audit-from-error")).ToContainTextAsync("年-月-日");
            await Expect(admin.Locator("#audit-from")).ToBeFocusedAsync();

            await admin.Locator("#audit-from").FillAsync("");
            var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#audit-export").ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".xlsx");
            await Expect(admin.GetByTestId("admin-saved")).ToContainTextAsync("已导出");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AnonymisePage_Should_RefuseWhileAnOrderIsOpen_Then_RemoveTheCitizensDataWhenForced()
    {
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (id, number) = await console.RegisterOrderAsync(
            "sw-ts", ("dc", "dc-dhm", "东华门大街5号"), "楼道里的水管漏水，请尽快处理", ("赵女士", phone));

        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "个人信息删除", Exact = true }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("个人信息删除");

            await admin.Locator("#anonymise-phone").FillAsync(phone);
            await admin.GetByRole(AriaRole.Button, new() { Name = "删除个人信息" }).ClickAsync();
            await Expect(admin.GetByTestId("anonymise-error")).ToContainTextAsync(number);

            await admin.Locator("#anonymise-force").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "删除个人信息" }).ClickAsync();
            await Expect(admin.GetByTestId("anonymise-result")).ToContainTextAsync(number);
            await Expect(admin.GetByTestId("anonymise-result")).ToContainTextAsync("工单 1 条");
            await ConsoleFixture.ScreenshotAsync(admin, "admin-anonymise");

            await admin.GotoAsync($"/tickets/{id}");
            await Expect(admin.GetByTestId("anonymised")).ToContainTextAsync("已脱敏");
            await Expect(admin.Locator(".facts")).Not.ToContainTextAsync("赵女士");
            await Expect(admin.Locator(".facts")).Not.ToContainTextAsync("东华门大街5号");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }
}
