using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.SetMyPresence;

/// <summary>Sets the signed-in agent's presence (<c>PUT /api/agents/me/presence</c>): only available agents are rung.</summary>
public sealed record SetMyPresence(AgentPresenceStatus? Status) : IRequest<AgentPresenceDto>;

public sealed class SetMyPresenceValidator : AbstractValidator<SetMyPresence>
{
    public SetMyPresenceValidator() => RuleFor(x => x.Status).NotNull().IsInEnum().OverridePropertyName("status");
}

public sealed class SetMyPresenceHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SetMyPresence, AgentPresenceDto>
{
    public async Task<AgentPresenceDto> Handle(SetMyPresence request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var now = time.GetUtcNow();
        var presence = await db.AgentPresences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (presence is null)
        {
            presence = AgentPresence.For(userId, request.Status!.Value, now);
            db.AgentPresences.Add(presence);
        }
        else
        {
            presence.Set(request.Status!.Value, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(presence).State == EntityState.Added)
        {
            // Two tabs set it at once: the row exists now; apply this status to it.
            db.ChangeTracker.Clear();
            presence = await db.AgentPresences.FirstAsync(p => p.UserId == userId, cancellationToken);
            presence.Set(request.Status!.Value, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AgentPresenceDto(userId, presence.Status, presence.UpdatedAt);
    }
}
