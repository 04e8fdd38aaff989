using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.IntegrationTests.Exchange;

/// <summary>An emergency service's exchange endpoint on 127.0.0.1 (a 110 gateway): records every request, answers 200.</summary>
public sealed class PeerReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PeerReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<PeerReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PeerReceiver(app);
        app.MapPost("/gateway/{**path}", async (string path, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            receiver.Requests.Enqueue(new Received(path, buffer.ToArray(), context.Request.Headers["Hotline-Peer"].ToString(), context.Request.Headers["Hotline-Signature"].ToString()));
            return Results.Ok(new { received = true });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = $"{address}/gateway/";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Received(string Path, byte[] Body, string Peer, string Signature)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
