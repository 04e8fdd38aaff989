using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// 附件 on the order page (docs/attachments.md): a photo another desk attached shows as a thumbnail, a PDF uploaded on
/// the page (with its progress bar) is listed, downloads through the API, and a file that is not of an allowed type is refused with the reason.
/// </summary>
public sealed class AttachmentConsoleTests(ConsoleFixture console)
{
    /// <summary>A 48×32 PNG made for the test (red, blue and green blocks).</summary>
    internal const string Png = "iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAPklEQVR42u3OAQkAIAwAsOd5hEewjJWM9EiWOIIwWIBFV47I3SNCSEhISEhISOjTUJ01QkhISEhISEjocegCpyxv6mwS0dUAAAAASUVORK5CYII=";

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
            await Expect(panel.Locator(".attachment-list > li")).ToHaveCountAsync(2);
            await Expect(panel).ToContainTextAsync("整改报告.pdf");

            // Sent as on the registration form: a progress bar and a status a file.
            var sent = panel.GetByTestId("upload-item");
            await Expect(sent).ToContainTextAsync("整改报告.pdf");
            await Expect(sent).ToContainTextAsync("已上传");
            await Expect(sent.Locator("progress")).ToHaveAttributeAsync("value", "100");
            await panel.ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "order-attachments");

            var download = await agent.RunAndWaitForDownloadAsync(() => panel.GetByRole(AriaRole.Button, new() { Name = "整改报告.pdf" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("整改报告.pdf");

            await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "MZ not a photo"u8.ToArray() });
            await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("不是允许的文件类型");
            await Expect(panel.GetByTestId("upload-item")).ToContainTextAsync("不是允许的文件类型");
            await Expect(panel.Locator(".attachment-list > li")).ToHaveCountAsync(2);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Registering_Should_UploadTheChosenPhotoWithItsProgress_And_ShowItOnTheOrderPage()
    {
        var agent = await console.SignInAsync("agent", "agent");
        try
        {
            await agent.Locator("#citizen-name").FillAsync("赵先生");
            await agent.Locator("#category-search").FillAsync("停水");
            await agent.Locator("#category").SelectOptionAsync("sw-ts");
            await agent.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
            await agent.Locator("#address").FillAsync("东华门大街3号");
            await agent.Locator("#content").FillAsync("楼道水管爆裂，积水漫到门口，附现场照片。");
            await agent.Locator("#register-files").SetInputFilesAsync(new FilePayload { Name = "积水照片.png", MimeType = "image/png", Buffer = Convert.FromBase64String(Png) });
            var item = agent.GetByTestId("uploader").GetByTestId("upload-item");
            await Expect(item).ToContainTextAsync("积水照片.png");
            await Expect(item).ToContainTextAsync("待上传");
            await agent.GetByTestId("uploader").ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(agent, "register-with-attachment");

            await agent.GetByRole(AriaRole.Button, new() { Name = "登记工单" }).ClickAsync();

            var created = agent.GetByTestId("created");
            await Expect(created).ToContainTextAsync("已登记工单");
            await Expect(agent.GetByTestId("upload-failures")).ToHaveCountAsync(0);
            await created.Locator("a").First.ClickAsync();
            var panel = agent.GetByTestId("attachments");
            await Expect(panel).ToContainTextAsync("积水照片.png");
            await Expect(panel.Locator("img.thumb")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/jpeg;base64,"));
            await Expect(panel).ToContainTextAsync("agent");
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Reply_Should_NotBeSent_When_AFileIsRefused_And_CarryItsEvidence_When_AllFilesAreStored()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街5号"), "停水两天，请尽快处理。", ("钱女士", "13900005555"), dispatch: true);
        using (var api = await console.ApiClientAsync("water"))
        {
            (await api.PostAsync($"api/tickets/{id}/accept", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync($"api/tickets/{id}/contact", new { note = "已电话联系市民" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var unit = await console.SignInAsync("water", "unit");
        try
        {
            await unit.GotoAsync($"/tickets/{id}");
            await unit.Locator("#reply-answer").FillAsync("已抢修恢复供水，附整改报告。");
            await unit.Locator("#reply-files").SetInputFilesAsync(new[]
            {
                new FilePayload { Name = "整改报告.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray() },
                new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = "MZ not a photo"u8.ToArray() },
            });
            await unit.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();

            var items = unit.Locator("#reply-files").Locator("xpath=ancestor::div[@data-testid='uploader']").GetByTestId("upload-item");
            await Expect(items.Nth(0)).ToContainTextAsync("已上传");
            await Expect(items.Nth(1)).ToContainTextAsync("不是允许的文件类型");
            await Expect(unit.GetByTestId("status")).ToHaveTextAsync("办理中");
            await Expect(unit.GetByTestId("attachments")).ToContainTextAsync("整改报告.pdf");
            await ConsoleFixture.ScreenshotAsync(unit, "reply-upload-refused");

            // Without the refused file the reply goes out; the stored report is not sent twice.
            await unit.Locator("#reply-files").SetInputFilesAsync(Array.Empty<FilePayload>());
            await unit.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
            await Expect(unit.GetByTestId("status")).Not.ToHaveTextAsync("办理中");
            await Expect(unit.GetByTestId("attachments").Locator("li")).ToHaveCountAsync(1);
        }
        finally
        {
            await unit.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Redaction_Should_BlurHideAndUnhide_When_ASupervisorAndAnAdminUseTheOrderPage()
    {
        var (id, _) = await console.RegisterOrderAsync("sw-ts", ("dc", "dc-dhm", "东华门大街2号"), "占道经营，附照片（拍到了路人面部）。", ("王女士", "13900002222"));
        using (var api = await console.ApiClientAsync("agent"))
        using (var form = new MultipartFormDataContent())
        {
            var photo = new ByteArrayContent(Convert.FromBase64String(Png));
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(photo, "file", "路人面部.png");
            var pdf = new ByteArrayContent("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(pdf, "file", "身份证复印件.pdf");
            (await api.PostAsync($"api/tickets/{id}/attachments", form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            await supervisor.GotoAsync($"/tickets/{id}");
            var panel = supervisor.GetByTestId("attachments");
            var photoRow = panel.Locator("li", new() { HasText = "路人面部.png" });
            await Expect(photoRow.Locator("img.thumb")).ToHaveCountAsync(1);
            var before = await photoRow.Locator("img.thumb").GetAttributeAsync("src");
            await photoRow.GetByRole(AriaRole.Button, new() { Name = "打码" }).ClickAsync();

            // A box dragged over the upper left of the photo (where the face is) is what gets blurred.
            var editor = panel.GetByTestId("blur-editor");
            var frame = editor.GetByTestId("blur-frame");
            await Expect(frame.Locator("img")).ToBeVisibleAsync();
            await editor.GetByRole(AriaRole.Button, new() { Name = "打码所选区域" }).ClickAsync();
            await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("请先在图片上框选");
            var box = (await frame.BoundingBoxAsync())!;
            await supervisor.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.1f);
            await supervisor.Mouse.DownAsync();
            await supervisor.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.3f, new() { Steps = 4 });
            await supervisor.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height * 0.7f, new() { Steps = 4 });
            await supervisor.Mouse.UpAsync();
            await Expect(frame.GetByTestId("blur-box")).ToHaveCountAsync(1);
            await ConsoleFixture.ScreenshotAsync(supervisor, "attachment-blur-regions");
            await editor.GetByRole(AriaRole.Button, new() { Name = "打码所选区域" }).ClickAsync();
            await Expect(panel.GetByTestId("blur-editor")).ToHaveCountAsync(0);
            await Expect(photoRow).ToContainTextAsync("已打码");
            await Expect(photoRow.GetByRole(AriaRole.Button, new() { Name = "打码" })).ToHaveCountAsync(0);
            (await photoRow.Locator("img.thumb").GetAttributeAsync("src")).ShouldNotBe(before);

            await panel.Locator("li", new() { HasText = "身份证复印件.pdf" }).GetByRole(AriaRole.Button, new() { Name = "屏蔽" }).ClickAsync();
            await Expect(panel.Locator("li")).ToHaveCountAsync(1);
        }
        finally
        {
            await supervisor.Context.CloseAsync();
        }

        var admin = await console.SignInAsync("admin", "supervisor");
        try
        {
            await admin.GotoAsync($"/tickets/{id}");
            var panel = admin.GetByTestId("attachments");
            var pdfRow = panel.Locator("li", new() { HasText = "身份证复印件.pdf" });
            await Expect(pdfRow).ToContainTextAsync("已屏蔽");
            var photoRow = panel.Locator("li", new() { HasText = "路人面部.png" });
            var original = await admin.RunAndWaitForDownloadAsync(() => photoRow.GetByRole(AriaRole.Button, new() { Name = "原图" }).ClickAsync());
            original.SuggestedFilename.ShouldBe("路人面部.png");
            await panel.ScrollIntoViewIfNeededAsync();
            await ConsoleFixture.ScreenshotAsync(admin, "order-attachments-redacted");

            await pdfRow.GetByRole(AriaRole.Button, new() { Name = "取消屏蔽" }).ClickAsync();
            await Expect(pdfRow).Not.ToContainTextAsync("已屏蔽");
            await Expect(pdfRow.GetByRole(AriaRole.Button, new() { Name = "屏蔽" })).ToBeVisibleAsync();
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }
}
