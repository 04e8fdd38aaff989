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

namespace Hotline.Core.Features.Calls.MissedCalls;

/// <summary>
/// 回拨 (<c>POST /api/calls/missed/{id}/callback</c>): the signed-in agent calls a missed caller back. The task is the
/// agent's first (optimistic concurrency: of two agents at once one gets 409), then Twilio rings the agent's phone and
/// dials the citizen when the agent picks up (<c>Calls.json</c> with <c>&lt;Dial&gt;</c>, the hotline's number as caller
/// id); the local line connects at once. A refusal by Twilio puts the task back (502); no answer from Twilio keeps it
/// the agent's (the call may have been placed) and says so. The agent records the outcome afterwards.
/// </summary>
public sealed record CallBackMissedCall(Guid Id) : IRequest<MissedCallCallbackResponse>, IChangesCallCentre;

public sealed class CallBackMissedCallHandler(
    HotlineDbContext db,
    ICurrentUser currentUser,
    TimeProvider time,
    TwilioCredentials credentials,
    ITwilioClient line,
    IOptions<TwilioOptions> twilio) : IRequestHandler<CallBackMissedCall, MissedCallCallbackResponse>
{
    public async Task<MissedCallCallbackResponse> Handle(CallBackMissedCall request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var task = await db.MissedCalls.FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken) ?? throw new NotFoundException("漏接来电", request.Id);
        var device = await AgentDialOut.DevicePhoneAsync(db, credentials, userId, "回拨", cancellationToken);

        task.StartCallback(userId, time.GetUtcNow());
        await MissedCallSaves.SaveAsync(db, cancellationToken);

        var citizen = PhoneNumbers.ToE164(task.Phone);
        var twiml = new Twiml().Say(VoicePrompts.CallingBack).DialNumber(citizen, twilio.Value.FromNumber ?? citizen).ToString();
        try
        {
            var placed = await line.DialOutAsync(device ?? citizen, twiml, cancellationToken);
            task.CallbackPlaced(placed.Sid);
            await MissedCallSaves.SaveAsync(db, CancellationToken.None);
        }
        catch (TwilioApiException ex) when (ex.MayHaveBeenProcessed)
        {
            return new MissedCallCallbackResponse(task.ToDto(), CallBridge.Unconfirmed, "电话平台未及时响应，回拨可能已发出：请留意您的电话；回拨仍由您处理。");
        }
        catch (TwilioApiException ex)
        {
            task.CallbackFailed();
            await MissedCallSaves.SaveAsync(db, CancellationToken.None);
            throw new TelephonyBridgeFailedException($"电话平台拒绝回拨（{ex.Reference}），回拨任务已放回列表。", ex);
        }

        return credentials.Line == TelephonyLine.Local
            ? new MissedCallCallbackResponse(task.ToDto(), CallBridge.Connected, "本地模拟线路：回拨已接通。")
            : new MissedCallCallbackResponse(task.ToDto(), CallBridge.Requested, "正在呼叫您的电话，接起后为您接通市民。");
    }
}

internal static class MissedCallSaves
{
    /// <summary>Saves a task; another agent's change since it was read is a 409 that says so.</summary>
    public static async Task SaveAsync(HotlineDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("该回拨任务刚被他人更新（或又有一次漏接），请刷新后重试。");
        }
    }
}
