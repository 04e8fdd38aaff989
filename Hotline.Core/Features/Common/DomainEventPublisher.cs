using System.Collections.Concurrent;
using System.Reflection;
using Hotline.Domain.Common;
using MediatR;

namespace Hotline.Core.Features.Common;

/// <summary>
/// MediatR 5 resolves handlers by the static type argument of <c>Publish&lt;T&gt;</c>, so an event held as
/// <see cref="IDomainEvent"/> must be published as its concrete type to reach its handlers.
/// </summary>
public static class DomainEventPublisher
{
    private static readonly MethodInfo Typed = typeof(DomainEventPublisher).GetMethod(nameof(PublishTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IMediator, IDomainEvent, CancellationToken, Task>> Publishers = new();

    public static Task PublishAsync(IMediator mediator, IDomainEvent domainEvent, CancellationToken ct) =>
        Publishers.GetOrAdd(domainEvent.GetType(), type => Typed.MakeGenericMethod(type).CreateDelegate<Func<IMediator, IDomainEvent, CancellationToken, Task>>())
            (mediator, domainEvent, ct);

    private static Task PublishTypedAsync<TEvent>(IMediator mediator, IDomainEvent domainEvent, CancellationToken ct)
        where TEvent : IDomainEvent => mediator.Publish((TEvent)domainEvent, ct);
}
