using Hotline.Contracts.Callbacks;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Calls;
using Hotline.Core.Features.Calls.AnswerCall;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary>
/// 拨打 (<c>POST /api/tickets/{id}/callback-dial</c>): the callback staff member calls the citizen of an order waiting for
/// its callback. As 回拨 of a missed call: Twilio rings the staff member's phone and dials the citizen when it is picked
/// up (the hotline's number as caller id); the local line connects at once. Nothing on the order changes: the result is
/// recorded with the callback form afterwards.
/// </summary>
public sealed record DialCitizenForCallback(Guid TicketId) : IRequest<CallbackDialResponse>;

public sealed class DialCitizenForCallbackHandler(
    HotlineDbContext db,
    ICurrentUser currentUser,
    TwilioCredentials credentials,
    ITwilioClient line,
    IOptions<TwilioOptions> twilio) : IRequestHandler<DialCitizenForCallback, CallbackDialResponse>
{
    public async Task<CallbackDialResponse> Handle(DialCitizenForCallback request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var userId = actor.UserId ?? throw new NotFoundException("用户", actor.UserName);
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, null, cancellationToken);
        if (!ticket.IsReadyForCallback)
        {
            throw new DomainException("只有已答复、等待回访的工单才能拨打回访电话。");
        }

        var phone = PhoneNumbers.Normalize(ticket.Citizen.Phone) ?? throw new DomainException("工单没有可拨打的市民电话。");
        var device = await AgentDialOut.DevicePhoneAsync(db, credentials, userId, "拨打", cancellationToken);
        var citizen = PhoneNumbers.ToE164(phone);
        var twiml = new Twiml().Say(VoicePrompts.CallingForCallback).DialNumber(citizen, twilio.Value.FromNumber ?? citizen).ToString();
        try
        {
            await line.DialOutAsync(device ?? citizen, twiml, cancellationToken);
        }
        catch (TwilioApiException ex) when (ex.MayHaveBeenProcessed)
        {
            return new CallbackDialResponse(CallBridge.Unconfirmed, "电话平台未及时响应，呼叫可能已发出：请留意您的电话。");
        }
        catch (TwilioApiException ex)
        {
            throw new TelephonyBridgeFailedException($"电话平台拒绝呼叫（{ex.Reference}），请稍后重试。", ex);
        }

        return credentials.Line == TelephonyLine.Local
            ? new CallbackDialResponse(CallBridge.Connected, "本地模拟线路：已接通市民。")
            : new CallbackDialResponse(CallBridge.Requested, "正在呼叫您的电话，接起后为您接通市民。");
    }
}
