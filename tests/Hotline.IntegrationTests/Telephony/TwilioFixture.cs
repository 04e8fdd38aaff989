using System.Collections.Specialized;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Channels;
using System.Web;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Realtime;
using Hotline.Core.Data;
using Hotline.Core.Features.Callbacks.SweepCallbackSurveys;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The API with Twilio configured against a WireMock.Net fake of Twilio's REST API, on a fake clock that starts at
/// the real time (so tokens stay valid) and calling hours round the clock (the window has unit tests).
/// </summary>
public abstract class TwilioFixture(DatabaseProvider provider) : ApiFixture(provider, new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    public const string AccountSid = "ACtest0123456789abcdef0123456789ab";
    public const string AuthToken = "test-auth-token-0123456789";
    public const string FromNumber = "+861012345";
    public const string PublicBaseUrl = "https://hotline.example.gov.cn";

    public WireMockServer Twilio { get; } = StartFake();

    public FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:FromNumber"] = FromNumber,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Twilio:ApiBaseUrl"] = Twilio.Url,
        ["Twilio:RetryBaseDelay"] = "00:00:00.010",
        ["Callbacks:Hours"] = "00:00-24:00",
    };

    /// <summary>The requests the fake received for one resource (Messages.json, Calls.json) to one number, oldest first.</summary>
    public IReadOnlyList<FakeRequest> Requests(string resource, string to) =>
        Twilio.LogEntries
            .Where(e => e.RequestMessage.Path == $"/2010-04-01/Accounts/{AccountSid}/{resource}")
            .Select(e => new FakeRequest(
                HttpUtility.ParseQueryString(e.RequestMessage.Body ?? string.Empty, Encoding.UTF8),
                e.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null,
                e.RequestMessage.DateTime))
            .Where(r => r.Form["To"] == to)
            .OrderBy(r => r.At)
            .ToList();

    public async Task<CallbackSweepResult> SweepAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepCallbackSurveys(), TestContext.Current.CancellationToken);
    }

    /// <summary>POSTs a form webhook signed as Twilio signs it for the public URL (or unsigned / with a given signature).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form, string? signature = "sign", string token = AuthToken, string baseUrl = PublicBaseUrl)
    {
        using var client = AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add(TwilioSignature.Header, signature == "sign" ? TwilioSignature.Compute(token, baseUrl + pathAndQuery, form) : signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A hub connection of one user that collects CallRinging.</summary>
    public async Task<RingListener> ListenForCallsAsync(string userName)
    {
        using var anonymous = AnonymousClient();
        var token = await (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, DemoPassword), Json.Options)).ReadAsync<TokenResponse>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, "/hubs/hotline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token.AccessToken);
            })
            .AddJsonProtocol(o => Hotline.Api.ApiServices.ConfigureJson(o.PayloadSerializerOptions))
            .Build();
        var listener = new RingListener(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Stop();
        Twilio.Dispose();
    }

    private static WireMockServer StartFake()
    {
        var server = FakeTwilio.Start();
        foreach (var (resource, prefix) in new[] { ("Messages.json", "SM"), ("Calls.json", "CA") })
        {
            server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/{resource}").UsingPost())
                .RespondWith(Response.Create()
                    .WithStatusCode(HttpStatusCode.Created)
                    .WithHeader("Content-Type", "application/json")
                    .WithBody("{\"sid\":\"" + prefix + "{{Random Type=\"Guid\"}}\",\"status\":\"queued\"}")
                    .WithTransformer());
        }

        // A conference participant (answering, transfers): Twilio answers with the new leg's call sid and the conference's sid.
        server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"/2010-04-01/Accounts/{AccountSid}/Conferences/*/Participants.json")).UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.Created)
                .WithHeader("Content-Type", "application/json")
                .WithBody("{\"call_sid\":\"CA{{Random Type=\"Guid\"}}\",\"conference_sid\":\"" + ConferenceSid + "\",\"status\":\"queued\"}")
                .WithTransformer());
        server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/*.json")).UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.OK)
                .WithHeader("Content-Type", "application/json")
                .WithBody("{\"call_sid\":\"CAparticipant\",\"conference_sid\":\"" + ConferenceSid + "\",\"status\":\"connected\"}"));
        return server;
    }

    /// <summary>The conference sid the fake answers for every conference.</summary>
    public const string ConferenceSid = "CFfake0123456789abcdef0123456789ab";
}

public sealed record FakeRequest(NameValueCollection Form, string? Authorization, DateTime At);

public sealed class RingListener : IAsyncDisposable
{
    private readonly Channel<CallRinging> _rings = Channel.CreateUnbounded<CallRinging>();

    public RingListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<CallRinging>(nameof(IHotlineClient.CallRinging), ring => _rings.Writer.TryWrite(ring));
    }

    public HubConnection Connection { get; }

    public async Task<CallRinging> NextAsync(Func<CallRinging, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        while (true)
        {
            var ring = await _rings.Reader.ReadAsync(timeout.Token);
            if (match(ring))
            {
                return ring;
            }
        }
    }

    public bool TryRead(out CallRinging? ring) => _rings.Reader.TryRead(out ring);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

public sealed class SqliteTwilioFixture() : TwilioFixture(DatabaseProvider.Sqlite);

public sealed class PostgresTwilioFixture() : TwilioFixture(DatabaseProvider.PostgreSql);
