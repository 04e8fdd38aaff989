using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.IntegrationTests.Intelligence;

/// <summary>
/// An OpenAI-compatible chat server on 127.0.0.1 (Kestrel, a free port) that answers
/// <c>POST /v1/chat/completions</c> from a script: each request takes the next scripted reply. It records every
/// request body and Authorization header, so a test can check what left the API.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<(string Body, string? Authorization)> _received = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The request bodies received, oldest first.</summary>
    public IReadOnlyList<string> Bodies => _received.Select(r => r.Body).ToList();

    public IReadOnlyList<string?> Authorizations => _received.Select(r => r.Authorization).ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((await reader.ReadToEndAsync(context.RequestAborted), context.Request.Headers.Authorization.ToString()));
            var reply = _script.TryDequeue(out var next) ? next : Status(500);
            await reply(context);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <summary>Forgets what was received and what was scripted.</summary>
    public void Reset()
    {
        _script.Clear();
        _received.Clear();
    }

    /// <summary>The next request is answered with a normal completion whose message is <paramref name="content"/>.</summary>
    public void Answer(string content) => _script.Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_764_547_200,
            model = "scripted",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));
    });

    /// <summary>The next request gets this status with an OpenAI-style error body.</summary>
    public void Fail(int status) => _script.Enqueue(Status(status));

    /// <summary>The next request gets a 200 whose body is not a completion.</summary>
    public void Garbage() => _script.Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"choices\": \"not a list\"");
    });

    /// <summary>The next request is held until the client gives up (or a minute passes).</summary>
    public void Hang() => _script.Enqueue(async context =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the API gave up: what the test waits for
        }
    });

    /// <summary>The next request's connection is dropped without an answer.</summary>
    public void Drop() => _script.Enqueue(context =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static Func<HttpContext, Task> Status(int status) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
    };
}
