using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Attachments.CleanAttachmentOrphans;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Attachments;

/// <summary>
/// Files on an order (docs/attachments.md) through the API: upload, list, download byte for byte, the limits (413, 415,
/// the per-order count), unit scoping (another unit's order is 404), redaction, one audit entry per download, and the
/// orphan cleanup that keeps what rows refer to.
/// </summary>
public abstract class TicketAttachmentTests(AttachmentFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Upload_Should_StoreTheFile_And_ListAndDownloadItByteForByte_When_TheUnitSeesTheOrder()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var pdf = TestFiles.Pdf();

        var saved = await (await UploadAsync(water, ticket.Id, ("整改报告.pdf", pdf, "application/pdf"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created);

        var file = saved.ShouldHaveSingleItem();
        file.FileName.ShouldBe("整改报告.pdf");
        file.ContentType.ShouldBe("application/pdf");
        file.Kind.ShouldBe("Pdf");
        file.Size.ShouldBe(pdf.Length);
        file.UploadedBy.ShouldBe("water");
        file.HasThumbnail.ShouldBeFalse();
        using var agent = await ClientAsync("agent");
        var listed = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments", Ct)).ReadAsync<List<TicketAttachmentDto>>();
        listed.ShouldHaveSingleItem().Id.ShouldBe(file.Id);

        var download = await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("整改报告.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(pdf);
    }

    [Fact]
    public async Task Upload_Should_StoreAnImageWithoutExif_And_AThumbnail_When_AnAgentAttachesAPhoto()
    {
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");
        var photo = TestFiles.JpegWithExif();

        var file = (await (await UploadAsync(agent, ticket.Id, ("IMG_0001.jpg", photo, "image/jpeg"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();

        file.Kind.ShouldBe("Image");
        file.HasThumbnail.ShouldBeTrue();
        var stored = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).Content.ReadAsByteArrayAsync(Ct);
        stored.Length.ShouldBe((int)file.Size);
        stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestFiles.CameraName)).ShouldBe(-1, "the EXIF block with the camera and GPS is gone");
        stored.AsSpan().IndexOf("Exif"u8).ShouldBe(-1);
        using var image = SkiaSharp.SKBitmap.Decode(stored);
        (image.Width, image.Height).ShouldBe((20, 40), "the orientation was applied to the pixels");
        var thumbnail = await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/thumbnail", Ct);
        thumbnail.StatusCode.ShouldBe(HttpStatusCode.OK);
        thumbnail.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task Upload_Should_Answer413AndStoreNothing_When_AFileIsOverTheLimit()
    {
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");
        var big = new byte[AttachmentFixture.MaxFileBytes + 1];
        TestFiles.Pdf().CopyTo(big, 0);

        await (await UploadAsync(agent, ticket.Id, ("big.pdf", big, "application/pdf"))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        (await ListAsync(agent, ticket.Id)).ShouldBeEmpty();
        SpoolFiles().ShouldBeEmpty("the partial spool file is deleted");
    }

    [Fact]
    public async Task Upload_Should_Answer415AndStoreNothing_When_AFileIsRenamedOrNotAnAllowedType()
    {
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");
        var blobsBefore = await BlobCountAsync();
        byte[] executable = [.. "MZ"u8, 0x90, 0x00, .. new byte[200]];

        var renamed = await (await UploadAsync(agent, ticket.Id, ("photo.jpg", executable, "image/jpeg"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        renamed.GetProperty("detail").GetString()!.ShouldContain("photo.jpg");

        // All or nothing: a good file beside a refused one is not kept either.
        await (await UploadAsync(agent, ticket.Id, ("ok.pdf", TestFiles.Pdf(), "application/pdf"), ("notes.txt", "hello"u8.ToArray(), "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(agent, ticket.Id, ("IMG.heic", TestFiles.HeicHead(), "image/heic"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        (await ListAsync(agent, ticket.Id)).ShouldBeEmpty();
        (await BlobCountAsync()).ShouldBe(blobsBefore, "no blob was written for a refused upload");
    }

    [Fact]
    public async Task Upload_Should_AnswerAProblem_When_NoFileIsSentOrTheBodyIsNotMultipartOrTheOrderIsFull()
    {
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");

        using var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        (await (await agent.PostAsync($"/api/tickets/{ticket.Id}/attachments", empty, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("file");
        await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/attachments", new { file = "x" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var files = Enumerable.Range(0, AttachmentFixture.MaxFilesPerOrder).Select(i => ($"{i}.pdf", TestFiles.Pdf(), "application/pdf")).ToArray();
        (await UploadAsync(agent, ticket.Id, files)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await UploadAsync(agent, ticket.Id, ("one-more.pdf", TestFiles.Pdf(), "application/pdf"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await ListAsync(agent, ticket.Id)).Count.ShouldBe(AttachmentFixture.MaxFilesPerOrder);
    }

    [Fact]
    public async Task Attachments_Should_Answer404_When_TheUnitCannotSeeTheOrder()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("a.pdf", TestFiles.Pdf(), "application/pdf"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        using var gas = await ClientAsync("gas");

        await (await UploadAsync(gas, ticket.Id, ("b.pdf", TestFiles.Pdf(), "application/pdf"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await gas.GetAsync($"/api/tickets/{ticket.Id}/attachments", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await gas.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await water.GetAsync($"/api/tickets/{Guid.NewGuid()}/attachments/{file.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{Guid.NewGuid()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAsync(water, ticket.Id)).Count.ShouldBe(1, "gas's refused upload stored nothing");
    }

    [Fact]
    public async Task Hide_Should_TakeTheFileFromUnits_And_LeaveItToAdmins_When_ASupervisorHidesIt()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("现场.png", TestFiles.Image(SkiaSharp.SKEncodedImageFormat.Png), "image/png")))
            .ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        using var supervisor = await ClientAsync("supervisor");
        using var admin = await ClientAsync("admin");

        (await water.PostAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/hide", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var hiddenBefore = await AuditCountAsync(AuditActions.AttachmentHidden, ticket.Id);
        (await (await supervisor.PostAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/hide", null, Ct)).ReadAsync<TicketAttachmentDto>()).Hidden.ShouldBeTrue();
        (await AuditCountAsync(AuditActions.AttachmentHidden, ticket.Id)).ShouldBe(hiddenBefore + 1);
        await (await supervisor.PostAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/hide", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound); // once hidden, only Admins see it, the supervisor included

        (await ListAsync(water, ticket.Id)).ShouldBeEmpty();
        await (await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/thumbnail", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAsync(admin, ticket.Id)).ShouldHaveSingleItem().Hidden.ShouldBeTrue();
        (await admin.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Blur_Should_ReplaceTheImageForEveryone_And_KeepTheOriginalForAdminsOnly()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("车牌.png", TestFiles.Image(SkiaSharp.SKEncodedImageFormat.Png, 120, 60), "image/png")))
            .ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        var pdf = (await (await UploadAsync(water, ticket.Id, ("a.pdf", TestFiles.Pdf(), "application/pdf"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        var url = $"/api/tickets/{ticket.Id}/attachments/{file.Id}";
        var stored = await (await water.GetAsync(url, Ct)).Content.ReadAsByteArrayAsync(Ct);
        var thumbnail = await (await water.GetAsync(url + "/thumbnail", Ct)).Content.ReadAsByteArrayAsync(Ct);
        using var supervisor = await ClientAsync("supervisor");
        using var admin = await ClientAsync("admin");

        (await water.PostAsync(url + "/blur", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var blurred = await (await supervisor.PostAsync(url + "/blur", null, Ct)).ReadAsync<TicketAttachmentDto>();
        blurred.Blurred.ShouldBeTrue();
        blurred.Hidden.ShouldBeFalse();
        (await AuditCountAsync(AuditActions.AttachmentBlurred, ticket.Id)).ShouldBe(1);

        // The unit (and everyone else) now gets the blurred copy: red and blue have run into each other at the edge.
        var now = await (await water.GetAsync(url, Ct)).Content.ReadAsByteArrayAsync(Ct);
        now.ShouldNotBe(stored);
        using (var bitmap = SkiaSharp.SKBitmap.Decode(now))
        {
            (bitmap.Width, bitmap.Height).ShouldBe((120, 60));
            bitmap.GetPixel(55, 30).Blue.ShouldBeGreaterThan((byte)40, "blue bled across the edge");
            bitmap.GetPixel(64, 30).Red.ShouldBeGreaterThan((byte)40, "red bled across the edge");
        }

        (await (await water.GetAsync(url + "/thumbnail", Ct)).Content.ReadAsByteArrayAsync(Ct)).ShouldNotBe(thumbnail);
        (await ListAsync(water, ticket.Id)).Single(a => a.Id == file.Id).Blurred.ShouldBeTrue();

        // The original: Admins only, each read audited.
        (await water.GetAsync(url + "/original", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync(url + "/original", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await admin.GetAsync(url + "/original", Ct)).Content.ReadAsByteArrayAsync(Ct)).ShouldBe(stored);
        (await AuditCountAsync(AuditActions.AttachmentOriginalDownloaded, ticket.Id)).ShouldBe(1);

        await (await supervisor.PostAsync(url + "/blur", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.PostAsync($"/api/tickets/{ticket.Id}/attachments/{pdf.Id}/blur", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.GetAsync($"/api/tickets/{ticket.Id}/attachments/{pdf.Id}/original", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await AuditCountAsync(AuditActions.AttachmentBlurred, ticket.Id)).ShouldBe(1, "refused blurs leave no entry");
    }

    [Fact]
    public async Task Blur_Should_BlurOnlyTheChosenRegions_And_RecordThemInTheAuditTrail_When_ASupervisorDrawsBoxes()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("路人.png", TestFiles.Image(SkiaSharp.SKEncodedImageFormat.Png, 120, 60), "image/png")))
            .ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        var url = $"/api/tickets/{ticket.Id}/attachments/{file.Id}";
        using var supervisor = await ClientAsync("supervisor");

        // Out of the image, empty or null regions: 400, and the image stays as it was (it can still be blurred).
        foreach (var bad in new object[]
                 {
                     new { regions = new[] { new { x = 0.8, y = 0.0, width = 0.5, height = 0.5 } } },
                     new { regions = new[] { new { x = 0.1, y = 0.1, width = 0.0, height = 0.5 } } },
                     new { regions = new object?[] { null } },
                 })
        {
            await (await supervisor.PostAsJsonAsync(url + "/blur", bad, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await ListAsync(water, ticket.Id)).Single().Blurred.ShouldBeFalse();
        (await AuditCountAsync(AuditActions.AttachmentBlurred, ticket.Id)).ShouldBe(0);

        // One box over the red/blue edge (x 48..72 of 120, the upper half).
        var blurred = await (await supervisor.PostAsJsonAsync(url + "/blur", new BlurAttachmentRequest([new BlurRegion(0.4, 0, 0.2, 0.5)]), Json.Options, Ct))
            .ReadAsync<TicketAttachmentDto>();

        blurred.Blurred.ShouldBeTrue();
        using (var bitmap = SkiaSharp.SKBitmap.Decode(await (await water.GetAsync(url, Ct)).Content.ReadAsByteArrayAsync(Ct)))
        {
            bitmap.GetPixel(58, 10).Blue.ShouldBeGreaterThan((byte)40, "inside the box blue bled across the edge");
            bitmap.GetPixel(58, 45).ShouldBe(SkiaSharp.SKColors.Red, "below the box the edge is as sharp as uploaded");
            bitmap.GetPixel(61, 45).ShouldBe(SkiaSharp.SKColors.Blue);
            bitmap.GetPixel(40, 10).ShouldBe(SkiaSharp.SKColors.Red, "left of the box nothing changed");
            bitmap.GetPixel(80, 10).ShouldBe(SkiaSharp.SKColors.Blue, "right of the box nothing changed");
        }

        var entry = (await AuditAsync(AuditActions.AttachmentBlurred, ticket.Id)).Items.ShouldHaveSingleItem();
        entry.Summary.ShouldContain("局部打码替换 1 处");
        entry.Summary.ShouldContain("(0.4, 0, 0.2×0.5)");
    }

    [Fact]
    public async Task Unhide_Should_ShowTheFileAgain_When_ASupervisorLiftsTheHide()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("a.pdf", TestFiles.Pdf(), "application/pdf"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        var url = $"/api/tickets/{ticket.Id}/attachments/{file.Id}";
        using var supervisor = await ClientAsync("supervisor");

        await (await supervisor.PostAsync(url + "/unhide", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await supervisor.PostAsync(url + "/hide", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(water, ticket.Id)).ShouldBeEmpty();
        (await water.PostAsync(url + "/unhide", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await (await supervisor.PostAsync(url + "/unhide", null, Ct)).ReadAsync<TicketAttachmentDto>()).Hidden.ShouldBeFalse();
        (await ListAsync(water, ticket.Id)).ShouldHaveSingleItem().Id.ShouldBe(file.Id);
        (await water.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditCountAsync(AuditActions.AttachmentUnhidden, ticket.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Download_Should_LeaveOneAuditEntryEach_When_AFileIsDownloaded()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var water = await ClientAsync("water");
        var file = (await (await UploadAsync(water, ticket.Id, ("a.pdf", TestFiles.Pdf(), "application/pdf"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        using var agent = await ClientAsync("agent");
        (await AuditCountAsync(AuditActions.AttachmentDownloaded, ticket.Id)).ShouldBe(0, "an upload and a list are not downloads");

        (await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).EnsureSuccessStatusCode();
        (await water.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).EnsureSuccessStatusCode();
        (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).EnsureSuccessStatusCode();
        using var gas = await ClientAsync("gas");
        (await gas.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var entries = await AuditAsync(AuditActions.AttachmentDownloaded, ticket.Id);
        entries.Total.ShouldBe(3, "one per download, none for a refused one");
        entries.Items.Select(e => e.ActorName).ShouldBe(["agent", "water", "water"], ignoreOrder: true);
        entries.Items.ShouldAllBe(e => e.TargetId == file.Id.ToString() && e.Summary.Contains("a.pdf"));
    }

    [Fact]
    public async Task OrphanCleanup_Should_RemoveAnUnreferencedBlob_And_KeepReferencedOnes_When_TheGracePeriodHasPassed()
    {
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");
        var file = (await (await UploadAsync(agent, ticket.Id, ("p.jpg", TestFiles.JpegWithExif(), "image/jpeg"))).ReadAsync<List<TicketAttachmentDto>>(HttpStatusCode.Created)).Single();
        var store = Fixture.Factory.Services.GetRequiredService<IAttachmentStore>();
        await using (var orphan = await SpooledFile.WriteAsync(new MemoryStream(Encoding.UTF8.GetBytes($"orphan {Guid.NewGuid()}")), "o", store.SpoolDirectory, 1024, Ct))
        {
            await store.PutAsync(orphan, Ct);
            var orphanKey = orphan.Sha256;

            (await CleanAsync(DateTimeOffset.UtcNow)).ShouldBe(0, "a fresh blob is within its grace period");
            (await KeysAsync()).ShouldContain(orphanKey);

            (await CleanAsync(DateTimeOffset.UtcNow + AttachmentFixture.GracePeriod + TimeSpan.FromMinutes(5))).ShouldBeGreaterThanOrEqualTo(1);

            var keys = await KeysAsync();
            keys.ShouldNotContain(orphanKey);
            (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the referenced file is kept");
            (await agent.GetAsync($"/api/tickets/{ticket.Id}/attachments/{file.Id}/thumbnail", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "its thumbnail too");
        }
    }

    [Fact]
    public async Task Anonymise_Should_RemoveTheOrdersFiles_And_LeaveTheirBlobsToTheCleanup_When_ACitizenAsks()
    {
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ticket = await RegisterAsync(NewTicket() with { Citizen = new CitizenDto("附件市民", phone, false) });
        using var admin = await ClientAsync("admin");
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n");
        (await UploadAsync(admin, ticket.Id, ("身份证明.pdf", pdf, "application/pdf"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        var result = await (await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new Hotline.Contracts.Privacy.AnonymiseCitizenRequest(phone, Force: true), Json.Options, Ct))
            .ReadAsync<Hotline.Contracts.Privacy.AnonymiseCitizenResult>();

        result.Counts["attachments"].ShouldBe(1);
        (await ListAsync(admin, ticket.Id)).ShouldBeEmpty();
        (await KeysAsync()).ShouldContain(key, "the blob waits for the cleanup");
        await CleanAsync(DateTimeOffset.UtcNow + AttachmentFixture.GracePeriod + TimeSpan.FromMinutes(5));
        (await KeysAsync()).ShouldNotContain(key);
    }

    private async Task<int> CleanAsync(DateTimeOffset now)
    {
        using var scope = Fixture.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var handler = new CleanAttachmentOrphansHandler(
            services.GetRequiredService<HotlineDbContext>(), services.GetRequiredService<IAttachmentStore>(), new FakeTimeProvider(now),
            services.GetRequiredService<IOptions<AttachmentOptions>>(), NullLogger<CleanAttachmentOrphansHandler>.Instance);
        return await handler.Handle(new CleanAttachmentOrphans(), Ct);
    }

    private async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        await foreach (var blob in Fixture.Factory.Services.GetRequiredService<IAttachmentStore>().ListAsync(Ct))
        {
            keys.Add(blob.Key);
        }

        return keys;
    }

    private async Task<int> BlobCountAsync() => (await KeysAsync()).Count;

    private IEnumerable<string> SpoolFiles()
    {
        var spool = Fixture.Factory.Services.GetRequiredService<IAttachmentStore>().SpoolDirectory;
        return Directory.Exists(spool) ? Directory.EnumerateFiles(spool) : [];
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid ticketId, params (string Name, byte[] Bytes, string Type)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "file", name);
        }

        return await client.PostAsync($"/api/tickets/{ticketId}/attachments", form, Ct);
    }

    private static async Task<List<TicketAttachmentDto>> ListAsync(HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/tickets/{ticketId}/attachments", Ct)).ReadAsync<List<TicketAttachmentDto>>();

    private async Task<PagedResult<AuditEntryDto>> AuditAsync(string action, Guid ticketId)
    {
        using var admin = await ClientAsync("admin");
        return await (await admin.GetAsync($"/api/admin/audit?action={action}&ticketId={ticketId}&pageSize=50", Ct)).ReadAsync<PagedResult<AuditEntryDto>>();
    }

    private async Task<int> AuditCountAsync(string action, Guid ticketId) => (await AuditAsync(action, ticketId)).Total;

    public sealed class OnSqlite(AttachmentFixture.Sqlite fixture) : TicketAttachmentTests(fixture), IClassFixture<AttachmentFixture.Sqlite>;

    public sealed class OnPostgreSql(AttachmentFixture.PostgreSql fixture) : TicketAttachmentTests(fixture), IClassFixture<AttachmentFixture.PostgreSql>;

    /// <summary>The same scenarios with the S3-compatible store (s3rver on 127.0.0.1).</summary>
    public sealed class OnSqliteWithS3(AttachmentFixture.SqliteOnS3 fixture) : TicketAttachmentTests(fixture), IClassFixture<AttachmentFixture.SqliteOnS3>;
}

/// <summary>The API with small attachment limits and a store folder of its own, removed on dispose.</summary>
public abstract class AttachmentFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    public const int MaxFileBytes = 256 * 1024;
    public const int MaxFilesPerOrder = 3;
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-attachments-" + Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override IReadOnlyDictionary<string, string?>? Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Attachments:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attachments:MaxFilesPerOrder"] = MaxFilesPerOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attachments:OrphanGracePeriod"] = GracePeriod.ToString(),
            ["Attachments:Directory"] = _directory,
        };
        AddSettings(settings);
        return settings;
    }

    protected virtual void AddSettings(Dictionary<string, string?> settings)
    {
    }

    public sealed class Sqlite() : AttachmentFixture(DatabaseProvider.Sqlite);

    public sealed class PostgreSql() : AttachmentFixture(DatabaseProvider.PostgreSql);

    /// <summary>SQLite with the S3 store on s3rver (the folder then holds only the spool).</summary>
    public sealed class SqliteOnS3() : AttachmentFixture(DatabaseProvider.Sqlite)
    {
        private S3rver? _server;

        public override async ValueTask InitializeAsync()
        {
            _server = await S3rver.StartAsync(TestContext.Current.CancellationToken);
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }

        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            settings["Attachments:Store"] = "S3";
            settings["Attachments:S3:ServiceUrl"] = _server!.Url;
            settings["Attachments:S3:Bucket"] = S3rver.Bucket;
            settings["Attachments:S3:Prefix"] = "it/";
            settings["Attachments:S3:AccessKey"] = S3rver.AccessKey;
            settings["Attachments:S3:SecretKey"] = S3rver.AccessKey;
        }
    }
}
