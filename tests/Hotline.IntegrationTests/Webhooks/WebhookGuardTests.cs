using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Webhooks;

/// <summary>
/// With <c>Exchange:AllowPrivateTargets</c> false, the production default, no subscriber may point into the hotline's
/// network: loopback, private, link-local and names resolving to them are refused with a 400 on <c>url</c>, and nothing is sent.
/// </summary>
public abstract class WebhookGuardTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("http://127.0.0.1:{port}/hooks")]
    [InlineData("http://localhost:{port}/hooks")]
    [InlineData("http://[::1]:{port}/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://192.168.1.10/hooks")]
    [InlineData("http://172.20.0.1/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0:{port}/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hooks")]
    public async Task Subscriber_Should_BeRefused_When_TheUrlPointsInside(string url)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var admin = await ClientAsync("admin");
        var problem = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest($"inside-{Guid.NewGuid():N}", url.Replace("{port}", port, StringComparison.Ordinal), "test-secret-0123456789", null, null, true), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain("不允许");
        (await (await admin.GetAsync("/api/admin/webhooks", Ct)).ReadAsync<List<WebhookDto>>()).ShouldBeEmpty();
        receiver.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ftp://example.com/hooks")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    [InlineData("/relative/hooks")]
    [InlineData("https://user:pass@example.com/hooks")]
    public async Task Subscriber_Should_BeRefused_When_TheUrlIsNotPlainHttpOrHttps(string url)
    {
        using var admin = await ClientAsync("admin");
        var problem = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest("scheme", url, "test-secret-0123456789", null, null, true), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
    }

    public sealed class OnSqlite(GuardFixture.OnSqlite fixture) : WebhookGuardTests(fixture), IClassFixture<GuardFixture.OnSqlite>;

    public sealed class OnPostgreSql(GuardFixture.OnPostgreSql fixture) : WebhookGuardTests(fixture), IClassFixture<GuardFixture.OnPostgreSql>;
}

public abstract class GuardFixture(DatabaseProvider provider) : ApiFixture(provider, null, new Dictionary<string, string?>
{
    ["Exchange:AllowPrivateTargets"] = "false",
    ["Webhooks:Deliver"] = "false",
})
{
    public sealed class OnSqlite() : GuardFixture(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : GuardFixture(DatabaseProvider.PostgreSql);
}
