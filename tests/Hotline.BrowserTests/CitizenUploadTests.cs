using System.Net.Http.Json;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// The public form's files (docs/attachments.md): a file that is not of an allowed type is refused with the reason and
/// nothing is registered; the allowed ones are listed as chosen, sent with the submission and stored on the new order.
/// </summary>
public sealed class CitizenUploadTests(ConsoleFixture console)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublicForm_Should_RefuseAFileByItsBytes_And_StoreTheAllowedOnesOnTheOrder_When_ACitizenAttachesFiles()
    {
        var context = await console.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/citizen/");
            await Expect(page.Locator("#category optgroup")).Not.ToHaveCountAsync(0);
            await PublicForm.FillAsync(page, "景山前街6号院", "楼下垃圾桶满溢，附照片和说明。", "钱女士");

            // A "photo" whose bytes are a program: refused by its bytes, nothing registered, the form kept.
            await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "MZ not a photo"u8.ToArray() });
            await Expect(page.GetByTestId("file-list")).ToContainTextAsync("photo.jpg");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
            await Expect(page.Locator("#files-error")).ToContainTextAsync("不是允许的文件类型");
            await Expect(page.Locator("#files-error")).ToContainTextAsync("诉求尚未提交");
            await Expect(page.Locator("#receipt")).ToBeHiddenAsync();
            await Expect(page.GetByLabel("诉求内容")).ToHaveValueAsync("楼下垃圾桶满溢，附照片和说明。");

            await page.Locator("#files").SetInputFilesAsync(new[]
            {
                new FilePayload { Name = "垃圾桶.png", MimeType = "image/png", Buffer = Convert.FromBase64String(AttachmentConsoleTests.Png) },
                new FilePayload { Name = "说明.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray() },
            });
            await Expect(page.GetByTestId("file-list").Locator("li")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("file-list")).ToContainTextAsync("垃圾桶.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已收到您的诉求" })).ToBeVisibleAsync();
            var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();

            // The order holds exactly the two allowed files, the image re-encoded (a JPEG or PNG without metadata).
            using var agent = await console.ApiClientAsync("agent");
            var found = await agent.GetFromJsonAsync<JsonElement>($"api/tickets?q={Uri.EscapeDataString(number)}", Ct);
            var id = found.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("number").GetString() == number).GetProperty("id").GetString();
            var files = await agent.GetFromJsonAsync<JsonElement>($"api/tickets/{id}/attachments", Ct);
            files.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).Order().ShouldBe(new[] { "垃圾桶.png", "说明.pdf" }.Order());
            files.EnumerateArray().Single(f => f.GetProperty("fileName").GetString() == "说明.pdf").GetProperty("size").GetInt64().ShouldBeGreaterThan(0);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
