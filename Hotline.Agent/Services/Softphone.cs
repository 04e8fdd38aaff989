using Microsoft.JSInterop;

namespace Hotline.Agent.Services;

/// <summary>What the browser softphone is doing, as the console shows it.</summary>
public enum SoftphoneState
{
    /// <summary>Not started, or stopped (the agent answers on the phone, or signed out).</summary>
    Off,

    /// <summary>Asking for a token, loading the Voice SDK, or registering with Twilio.</summary>
    Connecting,

    /// <summary>Registered: Twilio can ring this browser.</summary>
    Ready,

    /// <summary>A call rings the browser and waits for 接听.</summary>
    Ringing,

    InCall,

    Muted,

    /// <summary>Registered no more (signalling lost, token refused); Twilio cannot ring the browser.</summary>
    Offline,

    /// <summary>The API refuses a token (no softphone on this deployment, or the agent answers on the phone).</summary>
    Unavailable,

    Error,
}

/// <summary>
/// The browser softphone (浏览器软电话) of an agent whose 接听方式 is the browser: a Twilio Voice SDK <c>Device</c>
/// (<c>wwwroot/js/softphone.js</c>, the SDK vendored in <c>wwwroot/lib/twilio-voice</c>) registered with an access token
/// the API signs (<c>GET /api/agents/me/softphone-token</c>) and refreshed before it expires. When the agent clicks
/// 接听 (or 回拨) the next call that rings the browser is accepted at once (<see cref="ExpectCallAsync"/>); any other
/// ring (a transfer to this agent) waits for 接听 in the header.
/// </summary>
public sealed class Softphone(IJSRuntime js, HotlineApi api) : IAsyncDisposable
{
    /// <summary>How long after 接听 a ring is taken as that call: Twilio rings the browser within seconds, and gives up after 30.</summary>
    private const int ExpectSeconds = 40;

    private IJSObjectReference? _module;
    private DotNetObjectReference<Softphone>? _self;

    public SoftphoneState State { get; private set; }

    /// <summary>Why, for <see cref="SoftphoneState.Unavailable"/> and <see cref="SoftphoneState.Error"/>.</summary>
    public string? Detail { get; private set; }

    /// <summary>True while the softphone is wanted (the agent's 接听方式 is the browser), whatever its state.</summary>
    public bool Active { get; private set; }

    public event Action? Changed;

    public static string Label(SoftphoneState state) => state switch
    {
        SoftphoneState.Connecting => "软电话连接中",
        SoftphoneState.Ready => "软电话就绪",
        SoftphoneState.Ringing => "软电话来电振铃",
        SoftphoneState.InCall => "软电话通话中",
        SoftphoneState.Muted => "软电话已静音",
        SoftphoneState.Offline => "软电话未连接",
        SoftphoneState.Unavailable => "软电话不可用",
        SoftphoneState.Error => "软电话出错",
        _ => "软电话未启用",
    };

    public async Task StartAsync()
    {
        Active = true;
        Set(SoftphoneState.Connecting, null);
        try
        {
            var token = await api.GetSoftphoneTokenAsync();
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/softphone.js");
            _self ??= DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("start", _self, token.Token);
        }
        catch (ApiException ex)
        {
            Set(SoftphoneState.Unavailable, ex.Message);
        }
        catch (JSException ex)
        {
            Set(SoftphoneState.Error, ex.Message);
        }
    }

    public async Task StopAsync()
    {
        Active = false;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("stop");
        }

        Set(SoftphoneState.Off, null);
    }

    /// <summary>The agent clicked 接听 or 回拨: the browser's next ring is that call and is accepted without a second click.</summary>
    public ValueTask ExpectCallAsync() =>
        Active && _module is not null ? _module.InvokeVoidAsync("expect", ExpectSeconds) : ValueTask.CompletedTask;

    public ValueTask AcceptAsync() => _module?.InvokeVoidAsync("accept") ?? ValueTask.CompletedTask;

    public ValueTask RejectAsync() => _module?.InvokeVoidAsync("reject") ?? ValueTask.CompletedTask;

    public ValueTask ToggleMuteAsync() => _module?.InvokeVoidAsync("toggleMute") ?? ValueTask.CompletedTask;

    /// <summary>The SDK's state, from <c>softphone.js</c>.</summary>
    [JSInvokable]
    public void OnState(string state, string? detail) => Set(state switch
    {
        "connecting" => SoftphoneState.Connecting,
        "ready" => SoftphoneState.Ready,
        "ringing" => SoftphoneState.Ringing,
        "in-call" => SoftphoneState.InCall,
        "muted" => SoftphoneState.Muted,
        "offline" => SoftphoneState.Offline,
        _ => SoftphoneState.Error,
    }, detail);

    /// <summary>A fresh token for the SDK's <c>tokenWillExpire</c> (the Device keeps its registration).</summary>
    [JSInvokable]
    public async Task<string> FreshTokenAsync() => (await api.GetSoftphoneTokenAsync()).Token;

    private void Set(SoftphoneState state, string? detail)
    {
        (State, Detail) = (state, detail);
        Changed?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }

        _self?.Dispose();
    }
}
