namespace Hotline.Core.Features.Common;

/// <summary>The caller acted on a stale version of the order. The API answers 409.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
