namespace Hotline.Core.Features.Assist;

/// <summary>The model server failed, refused, could not be reached or answered something unusable: 502.</summary>
public sealed class ModelFailedException(string message, Exception? inner = null) : Exception(message, inner);
