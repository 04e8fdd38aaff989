namespace Hotline.Simulator;

/// <summary>One simulator command: its name, the phone or CallSid, the SMS text or keys, the API's address and its folder (null: found from the current folder).</summary>
public sealed record SimulatorCommand(string Name, string Target, string? Text, Uri Url, string? ApiDirectory = null);
