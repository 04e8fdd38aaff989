using FluentValidation;
using Hotline.Contracts;
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
/// 转接 (<c>POST /api/calls/{id}/transfer</c>), by the agent on the call:
/// <list type="bullet">
/// <item><c>Agent</c>: another Available agent (claimed Available → Busy, so two transfers never land on one agent) is dialled
/// into the conference and the transferring agent leaves (blind transfer; wrap-up follows).</item>
/// <item><c>Unit</c>: the unit's duty phone is dialled in and the agent leaves; if it does not answer, the caller goes back to
/// the hotline's queue (<c>/twilio/voice/leg</c>).</item>
/// <item><c>Emergency</c> (三方转接): 110, 119, 120 or 122 joins the caller and the agent; the agent may hang up and leave the
/// caller with the service. Emergencies are transferred, not handled.</item>
/// </list>
/// Before the target is dialled the agent's leg is set not to end the conference when it leaves, so the caller stays on
/// the line. Every transfer is a <see cref="CallTransfer"/> row and, for an order registered from the call, a timeline
/// entry. Twilio refusing a step undoes what was done (502) and changes nothing here.
/// </summary>
public sealed record TransferCall(Guid Id, TransferCallRequest Body) : IRequest<CallControlResponse>, IChangesCallCentre;

public sealed class TransferCallValidator : AbstractValidator<TransferCall>
{
    public TransferCallValidator()
    {
        RuleFor(x => x.Body.Kind).NotNull().IsInEnum().WithMessage("请选择转接方式（坐席、单位或三方转接）。").OverridePropertyName("kind");
        RuleFor(x => x.Body.AgentId).NotNull().When(x => x.Body.Kind == CallTransferKind.Agent).WithMessage("请选择要转接的话务员。").OverridePropertyName("agentId");
        RuleFor(x => x.Body.UnitId).NotNull().When(x => x.Body.Kind == CallTransferKind.Unit).WithMessage("请选择要转接的单位。").OverridePropertyName("unitId");
        RuleFor(x => x.Body.Service).Must(s => s is not null && CallTransfer.EmergencyServices.ContainsKey(s))
            .When(x => x.Body.Kind == CallTransferKind.Emergency).WithMessage("三方转接只能转接 110、119、120 或 122。").OverridePropertyName("service");
        RuleFor(x => x.Body.Note).MaximumLength(CallTransfer.NoteMaxLength).WithMessage($"备注不能超过 {CallTransfer.NoteMaxLength} 个字符。").OverridePropertyName("note");
    }
}

public sealed class TransferCallHandler(
    HotlineDbContext db,
    ICurrentUser currentUser,
    TimeProvider time,
    TwilioCredentials credentials,
    ITwilioClient line,
    TelephonyUrls urls,
    IOptions<CallCentreOptions> options,
    IMediator mediator) : IRequestHandler<TransferCall, CallControlResponse>
{
    public async Task<CallControlResponse> Handle(TransferCall request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var userId = actor.UserId ?? throw new NotFoundException("坐席", actor.UserName);
        var call = await CallControls.ControlledAsync(db, request.Id, userId, cancellationToken);
        if (call.ConferenceSid is not { } conference || call.AgentLegSid is not { } agentLeg)
        {
            throw new DomainException("通话尚未接通，暂不能转接。");
        }

        var body = request.Body;
        var kind = body.Kind!.Value;
        var target = await TargetAsync(body, userId, cancellationToken);
        var now = time.GetUtcNow();
        if (kind == CallTransferKind.Agent
            && !await AgentStates.TransitionAsync(db, target.AgentId!.Value, AgentPresenceStatus.Available, AgentPresenceStatus.Busy, now, TimeSpan.Zero, cancellationToken))
        {
            throw new DomainException($"{target.Name} 当前不是“空闲”状态，不能转接给他/她。");
        }

        TwilioResource leg;
        try
        {
            // The agent leaving must no longer end the caller's call; then the target is dialled in.
            await line.UpdateParticipantAsync(conference, agentLeg, new ParticipantChange(EndConferenceOnExit: false), cancellationToken);
            try
            {
                leg = await line.AddParticipantAsync(
                    call.ConferenceName!,
                    new ConferenceParticipant(target.Number, EndConferenceOnExit: kind != CallTransferKind.Emergency, urls.LegStatus(call.Id, target.Role)),
                    cancellationToken);
            }
            catch (TwilioApiException)
            {
                await CallControls.UpdateQuietlyAsync(line, conference, agentLeg, new ParticipantChange(EndConferenceOnExit: true));
                throw;
            }
        }
        catch (TwilioApiException ex)
        {
            if (kind == CallTransferKind.Agent)
            {
                await AgentStates.TransitionAsync(db, target.AgentId!.Value, AgentPresenceStatus.Busy, AgentPresenceStatus.Available, time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);
            }

            throw new TelephonyBridgeFailedException($"电话平台未能呼叫{target.Name}（{ex.Reference}），通话未转接，仍由您接听。", ex);
        }

        if (call.OnHold)
        {
            await CallControls.UpdateQuietlyAsync(line, conference, call.CallSid, new ParticipantChange(Hold: false));
        }

        var bridge = credentials.Line == TelephonyLine.Local ? CallBridge.Connected : CallBridge.Requested;
        // No number was dialled on the local line, nor for an agent's browser softphone (client:agent-…).
        var dialled = target.Number == CallControls.LocalPhone || target.Number.StartsWith("client:", StringComparison.Ordinal) ? null : target.Number;
        var transfer = CallTransfer.Record(
            call.Id, kind, target.Name, dialled, target.AgentId, target.UnitId, target.Service,
            string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), leg.Sid, userId, target.ByName ?? actor.UserName, now, bridge);
        db.CallTransfers.Add(transfer);
        switch (kind)
        {
            case CallTransferKind.Agent:
                call.TransferredTo(target.AgentId!.Value, leg.Sid, now);
                break;
            case CallTransferKind.Unit:
                call.AgentLeft(now);
                break;
            default:
                if (call.OnHold)
                {
                    call.SetHold(false, now);
                }

                break;
        }

        var ticket = await CallControls.TicketOfAsync(db, call, cancellationToken);
        ticket?.RecordCallTransfer(transfer.TimelineNote(), actor, now);

        await db.SaveChangesAsync(CancellationToken.None);
        if (kind != CallTransferKind.Emergency)
        {
            // Blind transfer: the agent's phone leaves the conference now; the caller stays with the target.
            await CallControls.EndLegQuietlyAsync(line, agentLeg);
            await AgentStates.CallEndedAsync(db, userId, now, options.Value.WrapUpTime, CancellationToken.None);
        }

        var message = Message(kind, target.Name, bridge);
        if (kind == CallTransferKind.Emergency && ticket is not null)
        {
            message += " " + await HandOverAsync(ticket.Id, target.Service!, transfer.Note);
        }

        return new CallControlResponse(CallControls.Dto(call), bridge, message, transfer.Dto());
    }

    /// <summary>
    /// 紧急移交: with an order registered from the call, the hand-over record goes to the service's peer platform by the
    /// exchange's outbox (or is recorded on the order only, when none is configured). The transfer stands either way.
    /// </summary>
    private async Task<string> HandOverAsync(Guid ticketId, string service, string? note)
    {
        try
        {
            var handover = await mediator.Send(new Exchange.EmergencyHandover.EmergencyHandover(ticketId, service, note, null), CancellationToken.None);
            return handover.Sent ? $"移交单已发送至{handover.PeerName}。" : "未配置该服务的对接平台，移交单已记录在工单上，请电话告知工单要点。";
        }
        catch (Exception ex) when (ex is DomainException or FluentValidation.ValidationException)
        {
            return "移交单未能记录：" + ex.Message;
        }
    }

    private static string Message(CallTransferKind kind, string target, CallBridge bridge) => (kind, bridge) switch
    {
        (CallTransferKind.Emergency, CallBridge.Connected) => $"本地模拟线路：已三方接通 {target}，您可以挂断退出。",
        (CallTransferKind.Emergency, _) => $"正在呼叫 {target}，接通后三方通话；交接完毕后您可以挂断退出。",
        (_, CallBridge.Connected) => $"本地模拟线路：来电已转接给 {target}，进入话后处理。",
        _ => $"正在转接给 {target}，您已退出通话，进入话后处理。",
    };

    private sealed record Target(string Name, string Number, string Role, Guid? AgentId = null, Guid? UnitId = null, string? Service = null, string? ByName = null);

    private async Task<Target> TargetAsync(TransferCallRequest body, Guid userId, CancellationToken ct)
    {
        var local = credentials.Line == TelephonyLine.Local;
        var byName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        switch (body.Kind!.Value)
        {
            case CallTransferKind.Agent:
            {
                if (body.AgentId == userId)
                {
                    throw new DomainException("不能把来电转接给自己。");
                }

                var agent = await db.Users.AsNoTracking().Where(u => u.Id == body.AgentId && u.IsActive).Select(u => new { u.Id, u.DisplayName, u.Roles }).FirstOrDefaultAsync(ct);
                if (agent is null || !agent.Roles.Contains(Roles.Agent))
                {
                    throw new NotFoundException("话务员", body.AgentId!.Value);
                }

                var address = await AgentDialOut.RingAddressAsync(db, credentials, agent.Id, ct);
                if (!local)
                {
                    AgentDialOut.EnsureRingable(address, $"{agent.DisplayName} 未设置接听电话，不能转接给他/她。", "接听转接");
                }

                return new Target(agent.DisplayName, address.To ?? CallControls.LocalPhone, CallControls.AgentLeg, AgentId: agent.Id, ByName: byName);
            }

            case CallTransferKind.Unit:
            {
                var unit = await db.Units.AsNoTracking().Where(u => u.Id == body.UnitId).Select(u => new { u.Id, u.Name, u.Phone }).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("单位", body.UnitId!.Value);
                if (unit.Phone is null)
                {
                    throw new DomainException($"{unit.Name} 未登记值班电话，不能转接；请在“单位管理”中填写。");
                }

                return new Target(unit.Name, PhoneNumbers.ToE164(unit.Phone), CallControls.UnitLeg, UnitId: unit.Id, ByName: byName);
            }

            default:
            {
                var service = body.Service!;
                var name = CallTransfer.EmergencyServices[service];
                if (options.Value.EmergencyNumbers.TryGetValue(service, out var number))
                {
                    return new Target(name, PhoneNumbers.ToE164(PhoneNumbers.Normalize(number)!), CallControls.EmergencyLeg, Service: service, ByName: byName);
                }

                if (!local)
                {
                    throw new DomainException($"未配置 {name} 的联动电话（Calls:EmergencyNumbers:{service}），请直接告知市民拨打 {service}。");
                }

                return new Target(name, CallControls.LocalPhone, CallControls.EmergencyLeg, Service: service, ByName: byName);
            }
        }
    }
}
