namespace Hotline.Domain.Common;

/// <summary>The actor may see the order but has no authority for this action (wrong role or not the lead unit). The API answers 403.</summary>
public sealed class ActorNotPermittedException(string message) : Exception(message);
