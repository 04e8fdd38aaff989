using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Calls.AnswerCall;
using Hotline.Core.Features.Common;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using MediatR;

namespace Hotline.Core.Features.Calls.ControlCall;

/// <summary>
/// 保持 / 取消保持 (<c>POST /api/calls/{id}/hold</c>, <c>/resume</c>): the caller hears <see cref="VoicePrompts.OnHold"/> while
/// the agent stays on the line (Twilio's participant hold, <c>Hold=true</c> with the hold TwiML as <c>HoldUrl</c>).
/// Only the agent on the call; nothing is stored unless Twilio accepted the change.
/// </summary>
public sealed record HoldCall(Guid Id, bool Hold) : IRequest<CallControlResponse>, IChangesCallCentre;

public sealed class HoldCallHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, TwilioCredentials credentials, ITwilioClient line, TelephonyUrls urls)
    : IRequestHandler<HoldCall, CallControlResponse>
{
    public async Task<CallControlResponse> Handle(HoldCall request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var call = await CallControls.ControlledAsync(db, request.Id, userId, cancellationToken);
        if (call.ConferenceSid is not { } conference)
        {
            throw new DomainException("通话尚未接通，暂不能保持。");
        }

        call.SetHold(request.Hold, time.GetUtcNow());
        try
        {
            await line.UpdateParticipantAsync(
                conference, call.CallSid, new ParticipantChange(Hold: request.Hold, HoldUrl: request.Hold ? urls.Absolute(TelephonyUrls.VoiceHold) : null), cancellationToken);
        }
        catch (TwilioApiException ex)
        {
            throw new TelephonyBridgeFailedException($"电话平台未能{(request.Hold ? "保持" : "恢复")}通话（{ex.Reference}），请重试。", ex);
        }

        await db.SaveChangesAsync(cancellationToken);
        var bridge = credentials.Line == TelephonyLine.Local ? CallBridge.Connected : CallBridge.Requested;
        return new CallControlResponse(CallControls.Dto(call), bridge, request.Hold ? "来电已保持，市民正在听等候提示。" : "已恢复通话。");
    }
}
