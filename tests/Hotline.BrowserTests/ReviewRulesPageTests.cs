using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The admin's 办结审核规则 page (issue 18: the review rules are data, Admin-editable): the seeded defaults are
/// listed, a rule added in the page is saved through <c>PUT /api/review-rules</c>, and removing it restores them;
/// the appeal window (申诉时限) is changed on the same page, and an out-of-range one is refused with nothing changed.
/// </summary>
public sealed class ReviewRulesPageTests(ConsoleFixture console)
{
    [Fact]
    public async Task Admin_Should_AddAndRemoveAReviewRule_When_EditingTheRulesPage()
    {
        using var api = await console.ApiClientAsync("admin");
        var before = await api.GetFromJsonAsync<JsonElement>("api/review-rules", TestContext.Current.CancellationToken);
        var windowBefore = await WindowAsync(api);
        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GetByText("系统管理").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "审核规则" }).ClickAsync();
            var rules = admin.GetByTestId("review-rules");
            await Expect(rules.Locator("tbody tr")).ToHaveCountAsync(before.GetArrayLength());
            await Expect(rules).ToContainTextAsync("投诉");
            await Expect(rules).ToContainTextAsync("举报");

            // 建议 by SMS on water quality: a rule that no other test's order matches.
            await admin.GetByLabel("诉求类型").SelectOptionAsync(new SelectOptionValue { Label = "建议" });
            await admin.GetByLabel("分类").SelectOptionAsync("sw-sz");
            await admin.GetByLabel("渠道").SelectOptionAsync(new SelectOptionValue { Label = "短信" });
            await admin.GetByRole(AriaRole.Button, new() { Name = "添加到列表" }).ClickAsync();
            var added = rules.Locator("tr", new() { HasText = "建议" });
            await Expect(added).ToContainTextAsync("水质水压");
            await Expect(added).ToContainTextAsync("短信");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
            await Expect(admin.GetByTestId("rules-saved")).ToBeVisibleAsync();
            await ConsoleFixture.ScreenshotAsync(admin, "admin-review-rules");

            var saved = await api.GetFromJsonAsync<JsonElement>("api/review-rules", TestContext.Current.CancellationToken);
            saved.GetArrayLength().ShouldBe(before.GetArrayLength() + 1);
            saved.EnumerateArray().ShouldContain(r =>
                r.GetProperty("type").GetString() == "Suggestion" && r.GetProperty("categoryCode").GetString() == "sw-sz"
                && r.GetProperty("channel").GetString() == "Sms" && !r.GetProperty("reworkedOnly").GetBoolean());

            await added.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
            await Expect(admin.GetByTestId("rules-saved")).ToBeVisibleAsync();
            await Expect(rules.Locator("tbody tr")).ToHaveCountAsync(before.GetArrayLength());
            (await api.GetFromJsonAsync<JsonElement>("api/review-rules", TestContext.Current.CancellationToken)).GetArrayLength().ShouldBe(before.GetArrayLength());

            // The appeal window (申诉时限) on the same page.
            var window = admin.GetByLabel("回访或超期后");
            await Expect(window).ToHaveValueAsync(windowBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await window.FillAsync("5");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存时限" }).ClickAsync();
            await Expect(admin.GetByTestId("window-saved")).ToContainTextAsync("5 个工作日");
            (await WindowAsync(api)).ShouldBe(5);
            await window.FillAsync("31");
            await admin.GetByRole(AriaRole.Button, new() { Name = "保存时限" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("30");
            (await WindowAsync(api)).ShouldBe(5);
        }
        finally
        {
            await admin.Context.CloseAsync();
            // Whatever happened above, the other tests find the seeded rules again.
            var restore = before.EnumerateArray().Select(r => new
            {
                type = r.GetProperty("type").ValueKind == JsonValueKind.Null ? null : r.GetProperty("type").GetString(),
                categoryCode = r.GetProperty("categoryCode").ValueKind == JsonValueKind.Null ? null : r.GetProperty("categoryCode").GetString(),
                channel = r.GetProperty("channel").ValueKind == JsonValueKind.Null ? null : r.GetProperty("channel").GetString(),
                reworkedOnly = r.GetProperty("reworkedOnly").GetBoolean(),
            }).ToList();
            (await api.PutAsJsonAsync("api/review-rules", restore, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync("api/appeal-policy", new { windowWorkingDays = windowBefore }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<int> WindowAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("api/appeal-policy", TestContext.Current.CancellationToken)).GetProperty("windowWorkingDays").GetInt32();
}
