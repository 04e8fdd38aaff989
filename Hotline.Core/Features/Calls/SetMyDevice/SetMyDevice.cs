using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.SetMyDevice;

/// <summary>
/// The signed-in agent's desk or mobile phone (<c>PUT /api/agents/me/device</c>) that Twilio rings and bridges an
/// answered caller to; null or empty removes it. Stored normalized (digits, without +86). With a
/// <see cref="CallConnection"/>, also the agent's 接听方式 (the phone, or the browser softphone), kept on the user.
/// Presence is unchanged.
/// </summary>
public sealed record SetMyDevice(string? Phone, CallConnection? Connection = null) : IRequest<AgentPresenceDto>;

public sealed class SetMyDeviceValidator : AbstractValidator<SetMyDevice>
{
    public SetMyDeviceValidator()
    {
        RuleFor(x => x.Phone)
            .Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= 32 && PhoneNumbers.Normalize(p) is not null))
            .WithMessage("请填写有效的电话号码（坐席话机或手机）。")
            .OverridePropertyName("phone");
        RuleFor(x => x.Connection).IsInEnum().WithMessage("接听方式必须是 Phone（电话）或 Browser（浏览器软电话）。").OverridePropertyName("connection");
    }
}

public sealed class SetMyDeviceHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SetMyDevice, AgentPresenceDto>
{
    public async Task<AgentPresenceDto> Handle(SetMyDevice request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        if (request.Connection is { } connection)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("坐席", userId);
            user.SetCallConnection(connection);
            await db.SaveChangesAsync(cancellationToken); // before the presence's upsert, whose retry clears the change tracker
        }

        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : PhoneNumbers.Normalize(request.Phone);
        var presence = await AgentStates.UpsertAsync(db, userId, time.GetUtcNow(), p => p.SetDevice(phone), cancellationToken);
        return presence.ToDto(await AgentStates.ConnectionOfAsync(db, userId, cancellationToken));
    }
}
