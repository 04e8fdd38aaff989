using Hotline.Contracts.Callbacks;
using Hotline.Core.Data;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary>
/// <c>GET /api/callbacks/desk</c>: what the callback page shows besides the queue: whether 拨打 can place calls (a
/// telephone line is configured), the unreached calls allowed, the 不满意原因 and the 回访话术 per order type.
/// </summary>
public sealed record GetCallbackDesk : IRequest<CallbackDeskDto>;

public sealed class GetCallbackDeskHandler(HotlineDbContext db, TwilioCredentials credentials, IOptions<CallbackOptions> options)
    : IRequestHandler<GetCallbackDesk, CallbackDeskDto>
{
    public async Task<CallbackDeskDto> Handle(GetCallbackDesk request, CancellationToken cancellationToken)
    {
        var reasons = await db.CallbackReasons.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new DissatisfactionReasonDto(r.Code, r.Name)).ToListAsync(cancellationToken);
        var rows = await db.CallbackScripts.AsNoTracking().ToListAsync(cancellationToken);
        var names = await ActorNames.ReadAsync(db, rows.Where(s => s.UpdatedBy is not null).Select(s => s.UpdatedBy!), cancellationToken);
        var scripts = rows.OrderBy(s => s.Type).Select(s => CallbackScripts.ToDto(s, names)).ToList();
        return new CallbackDeskDto(credentials.Line != TelephonyLine.None, options.Value.UnreachableAttempts, reasons, scripts);
    }
}
