using System.Net;
using Shouldly;
using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// Behind the load balancer (on loopback here, which is trusted by default) each citizen is counted by the address
/// in X-Forwarded-For, not by the proxy's: one citizen's burst does not use up everybody's budget.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimits_Should_CountEachForwardedClientApart_When_RequestsComeThroughATrustedProxy()
    {
        using var data = new TempDataDirectory();
        await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = data.Path,
            ["CitizenChannels:RateLimits:ReadsPerClient"] = "2",
        }, Ct);
        using var client = api.CreateClient();

        var first = await ReadAsync(client, "203.0.113.5");
        var second = await ReadAsync(client, "203.0.113.5");
        var third = await ReadAsync(client, "203.0.113.5");
        var other = await ReadAsync(client, "203.0.113.6");

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.OK);
        third.ShouldBe(HttpStatusCode.TooManyRequests);
        other.ShouldBe(HttpStatusCode.OK, "another citizen behind the same proxy has a budget of its own");
    }

    private static async Task<HttpStatusCode> ReadAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/catalogue");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
