using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Callbacks;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Callbacks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary><c>PUT /api/callbacks/scripts/{type}</c>: a supervisor or administrator rewrites the 回访话术 of an order type.</summary>
public sealed record SaveCallbackScript(TicketType Type, string? Body) : IRequest<CallbackScriptDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.CallbackScriptSaved;
    public string? AuditSummary => $"修改回访话术：{ChineseLabels.Type(Type)}";
    public string? AuditTargetType => "CallbackScript";
    public string? AuditTargetId => Type.ToString();
}

public sealed class SaveCallbackScriptValidator : AbstractValidator<SaveCallbackScript>
{
    public SaveCallbackScriptValidator()
    {
        RuleFor(x => x.Type).IsInEnum().OverridePropertyName("type");
        RuleFor(x => x.Body).NotEmpty().WithMessage("请填写回访话术。").MaximumLength(CallbackScript.MaxBodyLength).OverridePropertyName("body");
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).When(x => !string.IsNullOrEmpty(x.Body))
            .WithMessage("请填写回访话术。").OverridePropertyName("body");
    }
}

public sealed class SaveCallbackScriptHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<SaveCallbackScript, CallbackScriptDto>
{
    public async Task<CallbackScriptDto> Handle(SaveCallbackScript request, CancellationToken cancellationToken)
    {
        var (body, now) = (request.Body!.Trim(), time.GetUtcNow());
        var script = await db.CallbackScripts.FirstOrDefaultAsync(s => s.Type == request.Type, cancellationToken);
        if (script is null)
        {
            script = new CallbackScript(request.Type, body, now, currentUser.Actor.UserName);
            db.CallbackScripts.Add(script);
        }
        else
        {
            script.Edit(body, currentUser.Actor.UserName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CallbackScripts.ToDto(script, await ActorNames.ReadAsync(db, [currentUser.Actor.UserName], cancellationToken));
    }
}

internal static class CallbackScripts
{
    public static CallbackScriptDto ToDto(CallbackScript s, IReadOnlyDictionary<string, string> names) =>
        new(s.Type, s.Body, s.UpdatedAt, s.UpdatedBy, s.UpdatedBy is { } by ? ActorNames.Of(by, names) : null);
}
