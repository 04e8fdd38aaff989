namespace Hotline.Core.Features.Calls;

/// <summary>What callers hear (Mandarin) and the queue they wait in.</summary>
public static class VoicePrompts
{
    public const string Queue = "hotline";
    public const string Greeting = "您好，这里是12345政务服务便民热线。您的来电正在接入话务员，请稍候。通话可能会被录音。";
}
