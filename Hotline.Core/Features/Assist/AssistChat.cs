using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Hotline.Core.Features.Assist;

/// <summary>
/// The one way text leaves the process for a large model: every message is masked here
/// (<see cref="SensitiveNumberMasker"/>), so no use case can forget; the answer comes back with the numbers
/// restored. Off → <see cref="AssistDisabledException"/> (409); no answer within the timeout →
/// <see cref="ModelTimeoutException"/> (504); the server failing, refusing or unreachable, or an empty answer →
/// <see cref="ModelFailedException"/> (502). The client is created once, without retries (a person is waiting).
/// </summary>
public sealed partial class AssistChat(IOptions<AssistOptions> options, ILogger<AssistChat> logger) : IDisposable
{
    private readonly Lazy<IChatClient> _client = new(() => Create(options.Value));

    public bool Enabled => options.Value.Enabled;

    public string? Model => Enabled ? options.Value.Model : null;

    /// <summary>One exchange: the system instructions and the user's text, masked; the answer's text, restored and trimmed.</summary>
    public async Task<string> CompleteAsync(string instructions, string text, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            throw new AssistDisabledException();
        }

        var masker = new SensitiveNumberMasker();
        List<ChatMessage> messages = [new(ChatRole.System, masker.Mask(instructions)), new(ChatRole.User, masker.Mask(text))];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        string answer;
        try
        {
            var response = await _client.Value.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = settings.MaxOutputTokens }, timeout.Token);
            answer = response.Text;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogTimeout(settings.Timeout.TotalSeconds);
            throw new ModelTimeoutException(settings.Timeout);
        }
        catch (ClientResultException e)
        {
            LogFailed(e, e.Status);
            throw new ModelFailedException($"大模型服务返回错误（HTTP {e.Status}），请稍后重试或手工填写。(The model server failed.)", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, 0);
            throw new ModelFailedException("无法从大模型服务取得答复，请稍后重试或手工填写。(The model server could not be reached or answered something unreadable.)", e);
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new ModelFailedException("大模型服务返回了空答复，请稍后重试或手工填写。(The model answered nothing.)");
        }

        return masker.Restore(answer.Trim());
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static IChatClient Create(AssistOptions settings)
    {
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(settings.ApiKey) ? "none" : settings.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(settings.Endpoint!),
                NetworkTimeout = settings.Timeout + TimeSpan.FromSeconds(5),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        return client.GetChatClient(settings.Model!).AsIChatClient();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Large-model assist: no answer within {Seconds} s")]
    private partial void LogTimeout(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Large-model assist failed (HTTP {Status})")]
    private partial void LogFailed(Exception exception, int status);
}
