using System.Reflection;
using Hotline.Core.Data;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Common;

/// <summary>
/// Publishes the domain events of saved changes once the handler has returned, i.e. after its commit.
/// A handler that fails publishes nothing. Side effects that must not be lost are redone by sweeps that
/// read the database, because publishing itself can fail after the commit. A request marked
/// <see cref="Calls.IChangesCallCentre"/> then publishes <see cref="Calls.CallCentreChanged"/> (the wallboard's hint).
/// </summary>
public sealed partial class DomainEventsBehavior<TRequest, TResponse>(HotlineDbContext db, IMediator mediator, ILogger<DomainEventsBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        var returnedAt = DateTimeOffset.UtcNow;
        foreach (var committed in db.TakeCommittedEvents())
        {
            // Saved inside the handler's own transaction: committed by the time the handler returned.
            var domainEvent = committed is TicketChangeSaved { CommittedAt: null } saved ? saved with { CommittedAt = returnedAt } : committed;
            try
            {
                await DomainEventPublisher.PublishAsync(mediator, domainEvent, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The change is committed: failing the request now would invite a retry of something that
                // succeeded. Side effects that matter are driven from database state and redone by sweeps.
                LogSideEffectFailed(ex, domainEvent.GetType().Name);
            }
        }

        if (request is Calls.IChangesCallCentre)
        {
            try
            {
                await mediator.Publish(new Calls.CallCentreChanged(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogSideEffectFailed(ex, nameof(Calls.CallCentreChanged));
            }
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A side effect of {Event} failed after the commit")]
    private partial void LogSideEffectFailed(Exception exception, string @event);
}
