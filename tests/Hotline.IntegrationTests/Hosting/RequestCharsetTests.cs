using System.Net;
using System.Text;
using System.Text.Json;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Hosting;

/// <summary>A body in a charset nobody can decode is refused with 415 and changes nothing (the fuzz suite found it answering 500).</summary>
public abstract class RequestCharsetTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Write_Should_Answer415AndRegisterNothing_When_TheBodysCharsetIsUnknown()
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");
        using var content = NewTicketAs("application/json; charset=klingon");

        var response = await agent.PostAsync("/api/tickets", content, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("detail").GetString().ShouldBe("请求体的字符集无法识别，请使用 UTF-8。");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Write_Should_BeRead_When_TheCharsetIsAKnownSpellingOfUtf8()
    {
        using var agent = await ClientAsync("agent");
        using var content = NewTicketAs("application/json; charset=\"utf-8\"");

        (await agent.PostAsync("/api/tickets", content, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static StringContent NewTicketAs(string contentType)
    {
        var content = new StringContent(JsonSerializer.Serialize(NewTicket(), Json.Options), Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : RequestCharsetTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : RequestCharsetTests(fixture), IClassFixture<PostgresApiFixture>;
}
