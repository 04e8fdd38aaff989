using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Calls.AnswerCall;
using Hotline.Core.Features.Common;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.ControlCall;

/// <summary>
/// 挂断 (<c>POST /api/calls/{id}/hangup</c>): the agent ends the call from the console (Twilio <c>Status=completed</c> on the
/// caller's call, which ends the conference). The end is recorded at once from Twilio's answer, and the agent goes into
/// wrap-up; Twilio's later status callback finds the call ended and changes nothing. A call Twilio no longer knows as
/// live (its 404 or 21220) has ended: recorded the same way.
/// </summary>
public sealed record HangUpCall(Guid Id) : IRequest<CallControlResponse>, IChangesCallCentre;

public sealed class HangUpCallHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, TwilioCredentials credentials, ITwilioClient line, IOptions<CallCentreOptions> options)
    : IRequestHandler<HangUpCall, CallControlResponse>
{
    public async Task<CallControlResponse> Handle(HangUpCall request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("通话", request.Id);
        if (!call.IsActive)
        {
            throw new DomainException("该通话已结束。");
        }

        if (call.CurrentAgentId != userId)
        {
            throw new DomainException("该通话不在您的坐席上，只有正在通话的话务员可以挂断。");
        }

        string status;
        try
        {
            status = (await line.EndCallAsync(call.CallSid, cancellationToken)).Status ?? "completed";
        }
        catch (TwilioApiException ex) when (ex.HttpStatus == 404 || ex.Code == 21220)
        {
            status = "completed";
        }
        catch (TwilioApiException ex)
        {
            throw new TelephonyBridgeFailedException($"电话平台未能挂断通话（{ex.Reference}），请在电话上挂机。", ex);
        }

        var now = time.GetUtcNow();
        call.ApplyStatus(Call.TerminalStatuses.Contains(status) ? status : "completed", null, (int)Math.Max(0, (now - call.StartedAt).TotalSeconds), now);
        await db.SaveChangesAsync(cancellationToken);
        await AgentStates.CallEndedAsync(db, userId, now, options.Value.WrapUpTime, cancellationToken);
        var bridge = credentials.Line == TelephonyLine.Local ? CallBridge.Connected : CallBridge.Requested;
        return new CallControlResponse(CallControls.Dto(call), bridge, "通话已挂断，进入话后处理。");
    }
}
