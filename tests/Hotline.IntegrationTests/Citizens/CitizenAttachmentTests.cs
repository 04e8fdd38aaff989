using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments;
using Hotline.IntegrationTests.Attachments;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>
/// Photos and files sent by citizens (docs/attachments.md, docs/citizen-channels.md): the public form's
/// <c>POST /api/public/submissions/with-files</c> and Open311's multipart <c>media</c> go through the same checks as
/// agents' uploads (bytes sniffed, size and count limits, EXIF removed), are stored before the order commits, and a
/// refused file registers nothing and keeps no blob.
/// </summary>
public abstract class CitizenAttachmentTests(AttachmentFixture fixture) : CitizenTestBase(fixture)
{
    private static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, .. new byte[200]];

    [Fact]
    public async Task PublicForm_Should_RegisterTheOrderWithItsFilesCleaned_When_ACitizenAttachesAPhotoAndAPdf()
    {
        var response = await SubmitWithFilesAsync(Submission(), null, ("破损路面.jpg", TestFiles.JpegWithExif(), "image/jpeg"), ("说明.pdf", TestFiles.Pdf(), "application/pdf"));

        var receipt = await response.ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var ticket = await TicketByNumberAsync(receipt.Number);
        using var agent = await ClientAsync("agent");
        var files = await ListAsync(agent, ticket.Id);
        files.Select(f => f.FileName).ShouldBe(["破损路面.jpg", "说明.pdf"], ignoreOrder: true, "both files were stored in the same commit (same time)");
        files.ShouldAllBe(f => f.UploadedBy == "市民（网上表单）");
        var jpeg = files.Single(f => f.FileName == "破损路面.jpg");
        jpeg.HasThumbnail.ShouldBeTrue();
        var photo = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{jpeg.Id}", Ct)).Content.ReadAsByteArrayAsync(Ct);
        photo.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestFiles.CameraName)).ShouldBe(-1, "the citizen's photo is stored without its EXIF block");
        var pdf = files.Single(f => f.FileName == "说明.pdf");
        (await (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{pdf.Id}", Ct)).Content.ReadAsByteArrayAsync(Ct)).ShouldBe(TestFiles.Pdf());
    }

    [Fact]
    public async Task PublicForm_Should_Answer415Or413AndRegisterNothing_When_AFileIsNotAllowedOrTooLarge()
    {
        var tickets = await TicketTotalAsync();
        var blobs = await BlobCountAsync();
        var big = new byte[AttachmentFixture.MaxFileBytes + 1];
        TestFiles.Pdf().CopyTo(big, 0);

        var renamed = await (await SubmitWithFilesAsync(Submission(), null, ("ok.pdf", TestFiles.Pdf(), "application/pdf"), ("photo.jpg", Executable, "image/jpeg")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        renamed.GetProperty("detail").GetString()!.ShouldContain("photo.jpg");
        await (await SubmitWithFilesAsync(Submission(), null, ("big.pdf", big, "application/pdf"))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var tooMany = Enumerable.Range(0, AttachmentFixture.MaxFilesPerOrder + 1).Select(i => ($"{i}.pdf", TestFiles.Pdf(), "application/pdf")).ToArray();
        await (await SubmitWithFilesAsync(Submission(), null, tooMany)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await TicketTotalAsync()).ShouldBe(tickets, "no order was registered for a refused file");
        (await BlobCountAsync()).ShouldBe(blobs, "the good file beside the refused one was not stored either");
        SpoolFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task PublicForm_Should_Answer400AndRegisterNothing_When_TheSubmissionPartIsMissingOrInvalid()
    {
        var tickets = await TicketTotalAsync();
        using var anonymous = Fixture.AnonymousClient();

        using var noSubmission = new MultipartFormDataContent { { File(TestFiles.Pdf(), "application/pdf"), "file", "a.pdf" } };
        (await (await anonymous.PostAsync("/api/public/submissions/with-files", noSubmission, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldContain("submission");
        using var broken = new MultipartFormDataContent { { new StringContent("{not json"), "submission" }, { File(TestFiles.Pdf(), "application/pdf"), "file", "a.pdf" } };
        (await (await anonymous.PostAsync("/api/public/submissions/with-files", broken, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldContain("submission");
        var invalid = await SubmitWithFilesAsync(Submission() with { CategoryCode = "nope" }, null, ("a.pdf", TestFiles.Pdf(), "application/pdf"));
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("categoryCode");
        using var wrongField = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(Submission(), Json.Options)), "submission" }, { File(TestFiles.Pdf(), "application/pdf"), "photo", "a.pdf" } };
        (await (await anonymous.PostAsync("/api/public/submissions/with-files", wrongField, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldContain("photo");

        (await TicketTotalAsync()).ShouldBe(tickets);
        SpoolFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task PublicForm_Should_AnswerTheFirstOrderOnce_When_TheSameSubmissionAndFilesAreRetriedWithTheKey()
    {
        var key = Guid.NewGuid().ToString("N");
        var body = Submission();

        var first = await (await SubmitWithFilesAsync(body, key, ("a.pdf", TestFiles.Pdf(), "application/pdf"))).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var again = await SubmitWithFilesAsync(body, key, ("a.pdf", TestFiles.Pdf(), "application/pdf"));
        var other = await SubmitWithFilesAsync(body, key, ("b.png", TestFiles.Image(SkiaSharp.SKEncodedImageFormat.Png), "image/png"));

        (await again.ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted)).Number.ShouldBe(first.Number);
        again.Headers.GetValues("Idempotent-Replayed").ShouldContain("true");
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var agent = await ClientAsync("agent");
        (await ListAsync(agent, (await TicketByNumberAsync(first.Number)).Id)).ShouldHaveSingleItem().FileName.ShouldBe("a.pdf");
    }

    [Fact]
    public async Task Open311_Should_RegisterTheRequestWithItsMedia_And_KeepTheMediaUrl_When_MediaIsUploaded()
    {
        var key = await IssueKeyAsync("随手拍App");
        using var form = Open311Form(key, ("media", "IMG_2041.jpg", TestFiles.JpegWithExif(), "image/jpeg"));
        form.Add(new StringContent("https://photos.example.org/2041.jpg"), "media_url");
        using var client = Fixture.AnonymousClient();

        var response = await client.PostAsync("/open311/v2/requests.json", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var number = created.RootElement[0].GetProperty("service_request_id").GetString()!;
        var ticket = await TicketByNumberAsync(number);
        using var agent = await ClientAsync("agent");
        var file = (await ListAsync(agent, ticket.Id)).ShouldHaveSingleItem();
        file.FileName.ShouldBe("IMG_2041.jpg");
        file.UploadedBy.ShouldBe("Open311：随手拍App");
        var stored = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).Content.ReadAsByteArrayAsync(Ct);
        stored.AsSpan().IndexOf("Exif"u8).ShouldBe(-1);
        using var read = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{number}.json", Ct));
        read.RootElement[0].GetProperty("media_url").GetString().ShouldBe("https://photos.example.org/2041.jpg", "media_url stays the link the client sent");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Open311_Should_AnswerItsErrorListAndRegisterNothing_When_MediaIsRefused(string format)
    {
        var key = await IssueKeyAsync();
        var tickets = await TicketTotalAsync();
        var blobs = await BlobCountAsync();
        var big = new byte[AttachmentFixture.MaxFileBytes + 1];
        TestFiles.Pdf().CopyTo(big, 0);
        using var client = Fixture.AnonymousClient();

        var cases = new (MultipartFormDataContent Form, HttpStatusCode Status, string Says)[]
        {
            (Open311Form(key, ("media", "photo.jpg", Executable, "image/jpeg")), HttpStatusCode.BadRequest, "photo.jpg"),
            (Open311Form(key, ("media", "big.pdf", big, "application/pdf")), HttpStatusCode.RequestEntityTooLarge, "MB"),
            (Open311Form(key, ("picture", "a.pdf", TestFiles.Pdf(), "application/pdf")), HttpStatusCode.BadRequest, "media"),
        };
        foreach (var (form, status, says) in cases)
        {
            using (form)
            {
                var response = await client.PostAsync($"/open311/v2/requests.{format}", form, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                response.StatusCode.ShouldBe(status, body);
                response.Content.Headers.ContentType!.MediaType.ShouldBe(format == "json" ? "application/json" : "text/xml");
                body.ShouldContain(says);
                body.ShouldContain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, "the spec's {code, description} list");
            }
        }

        (await TicketTotalAsync()).ShouldBe(tickets);
        (await BlobCountAsync()).ShouldBe(blobs);
        SpoolFiles().ShouldBeEmpty();
    }

    private async Task<HttpResponseMessage> SubmitWithFilesAsync(PublicSubmissionRequest body, string? idempotencyKey, params (string Name, byte[] Bytes, string Type)[] files)
    {
        using var anonymous = Fixture.AnonymousClient();
        using var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json"), "submission" } };
        foreach (var (name, bytes, type) in files)
        {
            form.Add(File(bytes, type), "file", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/submissions/with-files") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await anonymous.SendAsync(request, Ct);
    }

    /// <summary>A valid Open311 create form (noise at night in 朝阳) with the given file parts.</summary>
    private static MultipartFormDataContent Open311Form(string key, params (string Field, string Name, byte[] Bytes, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["api_key"] = key, ["service_code"] = "hj-zs", ["address_string"] = "工人体育场北路", ["attribute[district]"] = "cy",
                     ["attribute[noise_period]"] = "night", ["description"] = "夜里广场舞音响太响 " + Guid.NewGuid().ToString("N"),
                 })
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, name, bytes, type) in files)
        {
            form.Add(File(bytes, type), field, name);
        }

        return form;
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }

    private static async Task<List<TicketAttachmentDto>> ListAsync(HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/tickets/{ticketId}/attachments", Ct)).ReadAsync<List<TicketAttachmentDto>>();

    private async Task<int> BlobCountAsync()
    {
        var count = 0;
        await foreach (var _ in Fixture.Factory.Services.GetRequiredService<IAttachmentStore>().ListAsync(Ct))
        {
            count++;
        }

        return count;
    }

    private IEnumerable<string> SpoolFiles()
    {
        var spool = Fixture.Factory.Services.GetRequiredService<IAttachmentStore>().SpoolDirectory;
        return Directory.Exists(spool) ? Directory.EnumerateFiles(spool) : [];
    }

    public sealed class OnSqlite(CitizenAttachmentFixture.Sqlite fixture) : CitizenAttachmentTests(fixture), IClassFixture<CitizenAttachmentFixture.Sqlite>;

    public sealed class OnPostgreSql(CitizenAttachmentFixture.PostgreSql fixture) : CitizenAttachmentTests(fixture), IClassFixture<CitizenAttachmentFixture.PostgreSql>;
}

/// <summary>The attachment fixture's small limits with the citizen channels' rate limits out of the way.</summary>
public abstract class CitizenAttachmentFixture(DatabaseProvider provider) : AttachmentFixture(provider)
{
    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in CitizenSettings.Generous)
        {
            settings[key] = value;
        }
    }

    public new sealed class Sqlite() : CitizenAttachmentFixture(DatabaseProvider.Sqlite);

    public new sealed class PostgreSql() : CitizenAttachmentFixture(DatabaseProvider.PostgreSql);
}
