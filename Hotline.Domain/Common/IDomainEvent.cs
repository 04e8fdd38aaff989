using MediatR;

namespace Hotline.Domain.Common;

/// <summary>Something that happened to an aggregate. Published through MediatR only after the commit.</summary>
public interface IDomainEvent : INotification
{
    DateTimeOffset At { get; }
}
