using System.Net;
using System.Net.Http.Headers;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 附件 on the order page (docs/attachments.md): a photo another desk attached shows as a thumbnail, a PDF uploaded on
/// the page is listed, downloads through the API, and a file that is not of an allowed type is refused with the reason.
/// </summary>
public sealed class AttachmentConsoleTests(ConsoleFixture console)
{
    /// <summary>A 48×32 PNG made for the test (red, blue and green blocks).</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAPklEQVR42u3OAQkAIAwAsOd5hEewjJWM9EiWOIIwWIBFV47I3SNCSEhISEhISOjTUJ01QkhISEhISEjocegCpyxv6mwS0dUAAAAASUVORK5CYII=";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderPage_Should_ShowThumbnailsUploadAndDownload_When_AnAgentOpensTheOrder()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街1号"), "路面塌陷，附现场照片。", ("李先生", "13900001111"));
        using (var api = await console.ApiClientAsync("agent"))
        using (var form = new MultipartFormDataContent())
        {
            var photo = new ByteArrayContent(Convert.FromBase64String(Png));
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(photo, "file", "现场照片.png");
            (await api.PostAsync($"api/tickets/{id}/attachments", form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.GotoAsync($"/tickets/{id}");
            var panel = agent.GetByTestId("attachments");
            await Expect(panel.Locator("img.thumb")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/jpeg;base64,"));
            await Expect(panel).ToContainTextAsync("现场照片.png");

            await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "整改报告.pdf",
                MimeType = "application/pdf",
                Buffer = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray(),
            });
            await Expect(panel.Locator("li")).ToHaveCountAsync(2);
            await Expect(panel).ToContainTextAsync("整改报告.pdf");
            await panel.ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "order-attachments");

            var download = await agent.RunAndWaitForDownloadAsync(() => panel.GetByRole(AriaRole.Button, new() { Name = "整改报告.pdf" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("整改报告.pdf");

            await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "MZ not a photo"u8.ToArray() });
            await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("不是允许的文件类型");
            await Expect(panel.Locator("li")).ToHaveCountAsync(2);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }
}
