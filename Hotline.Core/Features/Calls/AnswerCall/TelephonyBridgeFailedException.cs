namespace Hotline.Core.Features.Calls.AnswerCall;

/// <summary>The telephone network refused to connect the caller to the agent; the claim was undone (502 for the agent).</summary>
public sealed class TelephonyBridgeFailedException(string message, Exception? inner = null) : Exception(message, inner);
