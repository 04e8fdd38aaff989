using System.Net;
using System.Text;
using System.Text.Json;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>
/// Open311 create bodies that used to answer 500 or were silently half-read: a multipart body without its closing
/// boundary or without a boundary at all, attribute keys of another shape, a NUL in a field. All are the spec's 400
/// error list, anonymous, and register nothing.
/// </summary>
public abstract class Open311MalformedTests(ApiFixture fixture) : CitizenTestBase(fixture)
{
    [Fact]
    public async Task CreateRequest_Should_Answer400_When_TheMultipartBodyIsTruncatedOrHasNoBoundary()
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        var fields = string.Concat(Form(key).Select(f => $"--XyZ\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n"));

        var truncated = await PostRawAsync("multipart/form-data; boundary=XyZ", fields + "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nwang@");
        var noBoundary = await PostRawAsync("multipart/form-data", fields + "--XyZ--\r\n");

        (await ErrorsAsync(truncated)).ShouldHaveSingleItem().ShouldContain("form body could not be read");
        (await ErrorsAsync(noBoundary)).ShouldHaveSingleItem().ShouldContain("form body could not be read");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("attribute[noise_period][b][c]")]
    [InlineData("attribute[]")]
    [InlineData("attribute")]
    [InlineData("attributes[noise_period]")]
    public async Task CreateRequest_Should_Answer400_When_AnAttributeKeyHasAnotherShape(string field)
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        var form = Form(key);
        form.Add(new(field, "night"));

        var response = await PostRawAsync("application/x-www-form-urlencoded", string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));

        (await ErrorsAsync(response)).ShouldHaveSingleItem().ShouldContain($"{field} is not an attribute field");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("attribute[noise_period]")]
    [InlineData("first_name")]
    public async Task CreateRequest_Should_Answer400_When_AFieldHoldsANul(string field)
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        var form = Form(key).Where(f => f.Key != field).Append(new(field, "night\0")).ToList();

        var response = await PostRawAsync("application/x-www-form-urlencoded", string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));

        // ASP.NET Core's form reader refuses the NUL itself.
        (await ErrorsAsync(response)).ShouldHaveSingleItem().ShouldContain("form body could not be read");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    private static List<KeyValuePair<string, string>> Form(string apiKey) =>
    [
        new("api_key", apiKey), new("service_code", "hj-zs"), new("address_string", "工人体育场北路"),
        new("attribute[district]", "cy"), new("attribute[noise_period]", "night"), new("description", "夜里广场舞音响太响 " + Guid.NewGuid().ToString("N")),
    ];

    private async Task<HttpResponseMessage> PostRawAsync(string contentType, string body)
    {
        using var client = Fixture.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
    }

    public sealed class OnSqlite(CitizenSqliteFixture fixture) : Open311MalformedTests(fixture), IClassFixture<CitizenSqliteFixture>;

    public sealed class OnPostgreSql(CitizenPostgresFixture fixture) : Open311MalformedTests(fixture), IClassFixture<CitizenPostgresFixture>;
}
