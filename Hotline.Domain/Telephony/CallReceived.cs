using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>A new call reached the hotline; after the commit the agents who are available are rung.</summary>
public sealed record CallReceived(Guid CallId, string CallSid, string From, DateTimeOffset At) : IDomainEvent;
