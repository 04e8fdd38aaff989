using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.SetMyPresence;

/// <summary>
/// Sets the signed-in agent's presence (<c>PUT /api/agents/me/presence</c>): only available agents are rung. Setting
/// Available during wrap-up ends it early; WrapUp by hand lasts <c>Calls:WrapUpTime</c>. On a call the agent stays
/// Busy (409 for anything else). Every change is logged for the time in each state.
/// </summary>
public sealed record SetMyPresence(AgentPresenceStatus? Status) : IRequest<AgentPresenceDto>, IChangesCallCentre;

public sealed class SetMyPresenceValidator : AbstractValidator<SetMyPresence>
{
    public SetMyPresenceValidator() => RuleFor(x => x.Status).NotNull().IsInEnum().OverridePropertyName("status");
}

public sealed class SetMyPresenceHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IOptions<CallCentreOptions> options) : IRequestHandler<SetMyPresence, AgentPresenceDto>
{
    public async Task<AgentPresenceDto> Handle(SetMyPresence request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var status = request.Status!.Value;
        var now = time.GetUtcNow();
        if (status != AgentPresenceStatus.Busy && await db.Calls.AnyAsync(c => c.CurrentAgentId == userId && c.IsActive, cancellationToken))
        {
            throw new DomainException("您正在通话中，通话结束后自动进入话后处理。");
        }

        await AgentStates.ReleaseExpiredWrapUpsAsync(db, now, cancellationToken);
        var presence = await AgentStates.UpsertAsync(db, userId, now, p =>
        {
            if (p.Status != status)
            {
                db.AgentStateChanges.Add(AgentStateChange.Of(userId, status, now));
            }

            p.Set(status, now, options.Value.WrapUpTime);
        }, cancellationToken);
        return presence.ToDto(await AgentStates.ConnectionOfAsync(db, userId, cancellationToken));
    }
}
