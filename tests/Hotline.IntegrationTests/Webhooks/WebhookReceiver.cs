using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.IntegrationTests.Webhooks;

/// <summary>A subscriber's endpoint on 127.0.0.1: records every request and answers what the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>When set, a request waits for it before answering (a receiver slow enough for a worker to die meanwhile).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The answers of the next requests, in order; afterwards 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    /// <summary>Every later request answers <paramref name="status"/> until changed.</summary>
    public int? Always { get; set; }

    public IReadOnlyList<Received> Delivered => Requests.Where(r => r.Status is >= 200 and < 300).ToList();

    public async Task WaitForRequestAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await _arrived.WaitAsync(timeout.Token);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var status = receiver.Always ?? (receiver._statuses.TryDequeue(out var next) ? next : 200);
            var hold = receiver.Hold;
            var received = new Received(buffer.ToArray(), context.Request.Headers["Hotline-Signature"].ToString(), context.Request.ContentType ?? string.Empty,
                context.Request.Headers["Hotline-Delivery-Attempt"].ToString(), hold is null ? status : 0);
            if (hold is null)
            {
                receiver.Requests.Enqueue(received);
                receiver._arrived.Release();
                return Results.StatusCode(status);
            }

            receiver.Requests.Enqueue(received);
            receiver._arrived.Release();
            await hold.Task.WaitAsync(context.RequestAborted);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        await _app.DisposeAsync();
    }

    /// <summary>One request as it arrived; <see cref="Status"/> 0 for one held (its answer never reached the sender).</summary>
    public sealed record Received(byte[] Body, string Signature, string ContentType, string Attempt, int Status)
    {
        public JsonElement Event => JsonDocument.Parse(Body).RootElement;

        /// <summary>The <c>hotlinesequence</c> extension: a decimal string (CloudEvents' Integer is 32-bit).</summary>
        public long Sequence => long.Parse(Event.GetProperty("hotlinesequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        public string Id => Event.GetProperty("id").GetString()!;

        public string Type => Event.GetProperty("type").GetString()!;

        public string Subject => Event.GetProperty("subject").GetString()!;
    }
}
