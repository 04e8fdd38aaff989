using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.AnswerCall;

/// <summary>
/// 接听 (<c>POST /api/calls/answer</c>): the signed-in Available agent takes the caller at the front of the queue
/// (<see cref="CallQueue.WaitingFor"/>: the calls of the agent's seat groups first, other groups' calls only once they
/// overflowed). The claim is two conditional updates in one transaction, on the agent's presence
/// (Available → Busy) and on the call (no agent yet), so of two agents clicking at once on any node one wins and the
/// other gets 409. After the commit the caller is connected in a conference of its own (<c>hotline-{id}</c>), so the
/// agent can later hold and transfer it (<see cref="CallControls"/>): Twilio dials the agent's phone (or, with 接听方式
/// 浏览器软电话, the agent's browser as <c>client:agent-…</c>) into the conference
/// (<c>Participants.json</c>), then redirects the caller's live call into it (<c>&lt;Dial&gt;&lt;Conference&gt;</c>,
/// hearing 请稍候 until the agent picks up); the local line connects at once. A refusal by Twilio undoes the claim
/// (502); no answer from Twilio to the redirect keeps it (the redirect may have been made) and says so.
/// </summary>
public sealed record AnswerCall : IRequest<AnswerCallResponse>, IChangesCallCentre;

public sealed class AnswerCallHandler(
    HotlineDbContext db,
    ICurrentUser currentUser,
    TimeProvider time,
    TwilioCredentials credentials,
    ITwilioClient line,
    TelephonyUrls urls,
    IOptions<CallCentreOptions> options) : IRequestHandler<AnswerCall, AnswerCallResponse>
{
    private const int ClaimAttempts = 5;

    public async Task<AnswerCallResponse> Handle(AnswerCall request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var now = time.GetUtcNow();
        await AgentStates.ReleaseExpiredWrapUpsAsync(db, now, cancellationToken);
        var presence = await db.AgentPresences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var address = await AgentDialOut.RingAddressAsync(db, credentials, userId, cancellationToken);
        await EnsureCanAnswerAsync(userId, presence, address, cancellationToken);

        var seatGroups = await db.AgentSeatGroups.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.SeatGroup).ToListAsync(cancellationToken);
        Guid? claimed = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var busy = await db.AgentPresences
                .Where(p => p.UserId == userId && p.Status == AgentPresenceStatus.Available)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, AgentPresenceStatus.Busy).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.WrapUpEndsAt, (DateTimeOffset?)null), cancellationToken);
            if (busy == 0)
            {
                throw new DomainException("您的坐席状态刚刚发生变化，不是“空闲”，未接听来电。");
            }

            for (var attempt = 0; attempt < ClaimAttempts && claimed is null; attempt++)
            {
                var front = await CallQueue.WaitingFor(db.Calls, seatGroups, now - options.Value.SeatGroupOverflow).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (front is not { } callId)
                {
                    break;
                }

                // Another agent may have taken it since it was read: then the next caller in the queue.
                var taken = await db.Calls
                    .Where(c => c.Id == callId && c.AgentId == null && c.IsActive)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentId, userId).SetProperty(c => c.CurrentAgentId, userId).SetProperty(c => c.AgentAnsweredAt, now).SetProperty(c => c.UpdatedAt, now), cancellationToken);
                claimed = taken == 1 ? callId : null;
            }

            if (claimed is null)
            {
                throw new DomainException("当前没有等待接听的来电（可能已被其他话务员接听）。");
            }

            await AgentStates.LogAsync(db, userId, AgentPresenceStatus.Busy, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var call = await db.Calls.FirstAsync(c => c.Id == claimed, cancellationToken);
        return await ConnectAsync(call, userId, address, cancellationToken);
    }

    private async Task EnsureCanAnswerAsync(Guid userId, AgentPresence? presence, AgentAddress address, CancellationToken ct)
    {
        if (credentials.Line == TelephonyLine.None)
        {
            throw new DomainException("未配置电话线路（Twilio），无法接听来电。");
        }

        if (await db.Calls.AnyAsync(c => c.CurrentAgentId == userId && c.IsActive, ct))
        {
            throw new DomainException("您正在通话中，结束当前通话后才能接听下一个来电。");
        }

        if (presence?.Status != AgentPresenceStatus.Available)
        {
            throw new DomainException(presence?.Status == AgentPresenceStatus.WrapUp
                ? "您正在话后处理，结束话后处理（设为“空闲”）后才能接听。"
                : "只有“空闲”状态的话务员可以接听，请先将坐席状态设为空闲。");
        }

        if (credentials.Line == TelephonyLine.Twilio)
        {
            AgentDialOut.EnsureRingable(address, "请先设置接听电话（坐席话机或手机号码），来电将转接到该号码。", "接听");
        }
    }

    private async Task<AnswerCallResponse> ConnectAsync(Call call, Guid userId, AgentAddress address, CancellationToken ct)
    {
        // First the agent's phone into the caller's conference: a refusal or no answer leaves the caller safely in the queue.
        TwilioResource leg;
        try
        {
            leg = await line.AddParticipantAsync(
                Call.ConferenceNameOf(call.Id),
                new ConferenceParticipant(address.To ?? CallControls.LocalPhone, EndConferenceOnExit: true, urls.LegStatus(call.Id, CallControls.AgentLeg)),
                ct);
        }
        catch (TwilioApiException ex)
        {
            await UndoAsync(call.Id, userId, ct);
            throw new TelephonyBridgeFailedException(
                ex.MayHaveBeenProcessed
                    ? "电话平台未及时响应，来电已放回队列，您的状态恢复为空闲；如您的电话响起，请挂断后重新接听。"
                    : $"电话平台拒绝呼叫您的电话（{ex.Reference}），来电已放回队列，您的状态恢复为空闲。",
                ex);
        }

        // Then the caller into it: 请稍候 until the agent picks up; the caller leaving ends the conference.
        var recording = options.Value.Recording ? urls.Absolute($"{TelephonyUrls.VoiceRecording}?call={call.Id:N}") : null;
        var twiml = new Twiml().DialConference(Call.ConferenceNameOf(call.Id), startOnEnter: false, endOnExit: true, urls.Absolute(TelephonyUrls.VoiceHold), recording).ToString();
        var bridge = credentials.Line == TelephonyLine.Local ? CallBridge.Connected : CallBridge.Requested;
        try
        {
            await line.RedirectCallAsync(call.CallSid, twiml, ct);
        }
        catch (TwilioApiException ex) when (ex.MayHaveBeenProcessed)
        {
            bridge = CallBridge.Unconfirmed;
        }
        catch (TwilioApiException ex)
        {
            await CallControls.EndLegQuietlyAsync(line, leg.Sid);
            await UndoAsync(call.Id, userId, ct);
            throw new TelephonyBridgeFailedException($"电话平台拒绝转接（{ex.Reference}），来电已放回队列，您的状态恢复为空闲。", ex);
        }

        call.Bridged(userId, leg.Sid, leg.ConferenceSid, time.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return bridge switch
        {
            CallBridge.Connected => new AnswerCallResponse(CallControls.Dto(call), bridge, "本地模拟线路：来电已接通。"),
            CallBridge.Unconfirmed => new AnswerCallResponse(CallControls.Dto(call), bridge, "电话平台未及时响应，转接可能已发出：请留意您的电话；来电仍由您接听。"),
            _ when address.Connection == CallConnection.Browser => new AnswerCallResponse(CallControls.Dto(call), bridge, "软电话正在振铃，浏览器接起后即与来电者通话。"),
            _ => new AnswerCallResponse(CallControls.Dto(call), bridge, "正在呼叫您的电话，接听后即与来电者通话。"),
        };
    }

    /// <summary>The caller back in the queue (where it was: its wait counts from the start) and the agent available.</summary>
    private async Task UndoAsync(Guid callId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Calls.Where(c => c.Id == callId && c.AgentId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentId, (Guid?)null).SetProperty(c => c.CurrentAgentId, (Guid?)null).SetProperty(c => c.AgentAnsweredAt, (DateTimeOffset?)null).SetProperty(c => c.UpdatedAt, now), CancellationToken.None);
        await AgentStates.TransitionAsync(db, userId, AgentPresenceStatus.Busy, AgentPresenceStatus.Available, now, TimeSpan.Zero, CancellationToken.None);

        // The caller may have hung up while the call was claimed (Twilio's 21220): then it was missed after all.
        await MissedCalls.MissedCallLog.RecordAsync(db, callId, now, CancellationToken.None);
    }
}
