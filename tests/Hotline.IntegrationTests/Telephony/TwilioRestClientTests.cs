using System.Net;
using System.Text;
using System.Web;
using System.Diagnostics.Metrics;
using Hotline.Core.Features.Observability;
using Hotline.Core.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>The REST client against a WireMock.Net fake: Basic auth and form fields, error mapping, 429 retried, 5xx never.</summary>
public sealed class TwilioRestClientTests : IDisposable
{
    private const string Sid = "ACrest0123456789";
    private const string Token = "rest-token";
    private const string MessagesPath = "/2010-04-01/Accounts/" + Sid + "/Messages.json";
    private readonly WireMockServer _fake = FakeTwilio.Start();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly HotlineMetrics _metrics;

    public TwilioRestClientTests() => _metrics = new HotlineMetrics(_services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task SendMessage_Should_RecordItsDurationByResourceAndStatus_When_TwilioAnswers()
    {
        Stub(400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
        var recorded = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, _metrics.Twilio))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => recorded.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        await Should.ThrowAsync<TwilioApiException>(() => Client().SendMessageAsync("+86123", "测试", null, TestContext.Current.CancellationToken));

        var (seconds, tags) = recorded.ShouldHaveSingleItem();
        seconds.ShouldBeGreaterThan(0);
        tags["resource"].ShouldBe("Messages.json");
        tags["status"].ShouldBe("400");
    }

    [Fact]
    public async Task SendMessage_Should_PostAFormWithBasicAuth_When_TwilioAccepts()
    {
        Stub(201, "{\"sid\":\"SM123\",\"status\":\"queued\"}");

        var sent = await Client().SendMessageAsync("+8613812345678", "请回复11（满意并已解决）", "https://h.example/twilio/sms/status", TestContext.Current.CancellationToken);

        sent.ShouldBe(new TwilioResource("SM123", "queued"));
        var request = _fake.LogEntries.ShouldHaveSingleItem().RequestMessage;
        request.Headers!["Authorization"].ToString().ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sid}:{Token}")));
        request.Headers["Content-Type"].ToString().ShouldStartWith("application/x-www-form-urlencoded");
        var form = HttpUtility.ParseQueryString(request.Body!, Encoding.UTF8);
        form["To"].ShouldBe("+8613812345678");
        form["From"].ShouldBe("+861012345");
        form["Body"].ShouldBe("请回复11（满意并已解决）");
        form["StatusCallback"].ShouldBe("https://h.example/twilio/sms/status");
    }

    [Fact]
    public async Task SendMessage_Should_ThrowTheTwilioError_When_TheNumberIsInvalid()
    {
        Stub(400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

        var error = await Should.ThrowAsync<TwilioApiException>(() => Client().SendMessageAsync("+86123", "x", null, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(21211);
        error.HttpStatus.ShouldBe(400);
        error.MoreInfo.ShouldBe("https://www.twilio.com/docs/errors/21211");
        error.MayHaveBeenProcessed.ShouldBeFalse();
        _fake.LogEntries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_Should_RetryWithBackoff_When_TwilioAnswers429()
    {
        _fake.Given(Request.Create().WithPath(MessagesPath).UsingPost()).InScenario("busy").WillSetStateTo("once")
            .RespondWith(Response.Create().WithStatusCode(429).WithBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));
        _fake.Given(Request.Create().WithPath(MessagesPath).UsingPost()).InScenario("busy").WhenStateIs("once")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"sid\":\"SM429\",\"status\":\"queued\"}"));

        var sent = await Client().SendMessageAsync("+8613812345678", "11", null, TestContext.Current.CancellationToken);

        sent.Sid.ShouldBe("SM429");
        _fake.LogEntries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendMessage_Should_GiveUp_When_TwilioKeepsAnswering429()
    {
        Stub(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");

        var error = await Should.ThrowAsync<TwilioApiException>(() => Client().SendMessageAsync("+8613812345678", "11", null, TestContext.Current.CancellationToken));

        error.Code.ShouldBe(20429);
        _fake.LogEntries.Count.ShouldBe(3, "MaxAttempts");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CreateCall_Should_NotRetry_When_TwilioFailsWith5xx(int status)
    {
        _fake.Given(Request.Create().WithPath("/2010-04-01/Accounts/" + Sid + "/Calls.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":" + status + "}"));

        var error = await Should.ThrowAsync<TwilioApiException>(() => Client().CreateCallAsync("+8613812345678", "<Response/>", null, TestContext.Current.CancellationToken));

        error.MayHaveBeenProcessed.ShouldBeTrue("a create that failed with 5xx may have gone through");
        _fake.LogEntries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateCall_Should_ReportAnUnknownOutcome_When_TwilioTimesOut()
    {
        _fake.Given(Request.Create().WithPath("/2010-04-01/Accounts/" + Sid + "/Calls.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"sid\":\"CA1\"}").WithDelay(TimeSpan.FromMilliseconds(600)));

        var error = await Should.ThrowAsync<TwilioApiException>(() => Client(TimeSpan.FromMilliseconds(100)).CreateCallAsync("+8613812345678", "<Response/>", null, TestContext.Current.CancellationToken));

        error.MayHaveBeenProcessed.ShouldBeTrue();
        error.HttpStatus.ShouldBeNull("no answer came: the outcome is unknown, so the sweep never repeats it");
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
        _fake.Stop();
        _fake.Dispose();
    }

    private void Stub(int status, string body) =>
        _fake.Given(Request.Create().WithPath(MessagesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private TwilioRestClient Client(TimeSpan? timeout = null) => new(
        new HttpClient(),
        Options.Create(new TwilioOptions
        {
            AccountSid = Sid,
            AuthToken = Token,
            FromNumber = "+861012345",
            PublicBaseUrl = "https://h.example",
            ApiBaseUrl = _fake.Url!,
            MaxAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
        }),
        NullLogger<TwilioRestClient>.Instance,
        _metrics);
}
