using Hotline.Core.Data;
using MediatR;

namespace Hotline.Core.Features.Common;

/// <summary>
/// Publishes the domain events of saved changes once the handler has returned, i.e. after its commit.
/// A handler that fails publishes nothing. Side effects that must not be lost are redone by sweeps that
/// read the database, because publishing itself can fail after the commit.
/// </summary>
public sealed class DomainEventsBehavior<TRequest, TResponse>(HotlineDbContext db, IMediator mediator)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        foreach (var domainEvent in db.TakeCommittedEvents())
        {
            await mediator.Publish(domainEvent, CancellationToken.None);
        }

        return response;
    }
}
