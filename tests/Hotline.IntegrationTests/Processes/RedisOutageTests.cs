using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;
using Hotline.TestSupport;
using static Hotline.IntegrationTests.Processes.DeadlineProcessTests;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// Redis, the backplane, dies and comes back: the API keeps taking and recording orders without waiting on it,
/// readiness says "Degraded" (still 200, the node stays in the pool), consoles catch up from /api/events, and live
/// pushes resume once Redis is back.
/// </summary>
public sealed class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_Should_KeepRecordingAndReportDegraded_When_RedisIsDown_And_PushAgain_When_ItReturns()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        using var data = new TempDataDirectory();
        {
            await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>
            {
                ["Database:DataDirectory"] = data.Path,
                ["Redis:Configuration"] = redis.Configuration,
            }, Ct);
            using var agent = await SignInAsync(api, "agent");
            using var supervisor = await SignInAsync(api, "supervisor");
            await using var console = await HubListener.ConnectAsync(api, supervisor.DefaultRequestHeaders.Authorization!.Parameter!, Ct);
            (await ReadyAsync(api)).Redis.ShouldBe("Healthy");

            var before = await RegisterAsync(agent);
            var (seen, _) = await console.NextChangeAsync(c => c.TicketId == before.Id, TimeSpan.FromSeconds(5), Ct);

            redis.Stop();
            await WaitForRedisAsync(api, "Degraded");
            var started = Stopwatch.GetTimestamp();
            var during = await RegisterAsync(agent);
            Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(3), "a request must not wait on the dead backplane");
            var ready = await ReadyAsync(api);
            ready.Status.ShouldBe(HttpStatusCode.OK);
            ready.Overall.ShouldBe("Degraded");

            // What the console missed is in the change log.
            var missed = await (await supervisor.GetAsync($"/api/events?since={seen.Sequence}", Ct)).ReadAsync<List<EventEnvelope>>();
            missed.ShouldContain(e => e.TicketChanged != null && e.TicketChanged.TicketId == during.Id);

            await redis.RestartAsync(Ct);
            await WaitForRedisAsync(api, "Healthy");
            var after = await RegisterAsync(agent);
            await console.NextChangeAsync(c => c.TicketId == after.Id, TimeSpan.FromSeconds(10), Ct);
        }
    }

    private static async Task<TicketDto> RegisterAsync(HttpClient agent) =>
        await (await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(), Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);

    private static async Task<(HttpStatusCode Status, string Overall, string? Redis)> ReadyAsync(HostProcess api)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/health/ready", Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var redis = body.GetProperty("checks").TryGetProperty("redis", out var check) ? check.GetProperty("status").GetString() : null;
        return (response.StatusCode, body.GetProperty("status").GetString()!, redis);
    }

    private static async Task WaitForRedisAsync(HostProcess api, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await ReadyAsync(api)).Redis;
            if (last == status)
            {
                return;
            }

            await Task.Delay(250, Ct);
        }

        throw new ShouldAssertException($"Readiness never reported Redis {status} (last: {last}):\n{api.Output}");
    }
}
