namespace Hotline.Domain.Common;

/// <summary>A business rule was broken. The API answers 409 Conflict; the message is for the person who asked.</summary>
public class DomainException(string message) : Exception(message);
