using MediatR;

namespace Hotline.Core.Features.Calls;

/// <summary>
/// Marks a command that can change what the wallboard shows (a caller waiting or gone, an agent's state, a callback
/// task): once it has returned, after its commit, <see cref="CallCentreChanged"/> is published.
/// </summary>
public interface IChangesCallCentre;

/// <summary>Published after a <see cref="IChangesCallCentre"/> command; the consoles re-read <c>GET /api/kpis/calls/live</c>.</summary>
public sealed record CallCentreChanged : INotification;
