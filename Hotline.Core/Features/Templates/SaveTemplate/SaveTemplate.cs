using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Templates;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Common;
using Hotline.Domain.Templates;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Templates.SaveTemplate;

/// <summary>
/// <c>POST /api/{phrases|order-templates|reply-templates}</c> (Id null) and <c>PUT …/{id}</c>: adds or replaces a
/// template. A unit's staff save reply templates of their own unit only; the name is unique per kind and owner.
/// </summary>
public sealed record SaveTemplate(TextTemplateKind Kind, Guid? Id, UpsertTextTemplateRequest Body) : IRequest<TextTemplateDto>, Audit.IAuditedRequest
{
    public string AuditAction => Contracts.Audit.AuditActions.TemplateSaved;

    public string? AuditSummary => $"{(Id is null ? "新增" : "修改")}{Kind switch { TextTemplateKind.Phrase => "常用语", TextTemplateKind.OrderTemplate => "工单模板", _ => "答复模板" }}：{Body.Name}";

    public string? AuditTargetType => "TextTemplate";

    public string? AuditTargetId => Id?.ToString();
}

public sealed class SaveTemplateValidator : AbstractValidator<SaveTemplate>
{
    private static readonly Dictionary<TextTemplateKind, string> KindName = new()
    {
        [TextTemplateKind.Phrase] = "常用语",
        [TextTemplateKind.OrderTemplate] = "工单模板",
        [TextTemplateKind.ReplyTemplate] = "答复模板",
    };

    public SaveTemplateValidator()
    {
        RuleFor(x => x.Body.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写名称。")
            .MaximumLength(TextTemplate.MaxNameLength).WithMessage($"名称最长 {TextTemplate.MaxNameLength} 字。")
            .OverridePropertyName("name").When(x => x.Body is not null);
        RuleFor(x => x.Body.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(x => $"请填写{KindName[x.Kind]}的内容。")
            .MaximumLength(TextTemplate.MaxBodyLength).WithMessage($"内容最长 {TextTemplate.MaxBodyLength} 字。")
            .OverridePropertyName("body").When(x => x.Body is not null);
        RuleFor(x => x.Body.SortOrder).InclusiveBetween(0, TextTemplate.MaxSortOrder).WithMessage($"排序号应在 0 到 {TextTemplate.MaxSortOrder} 之间。")
            .OverridePropertyName("sortOrder").When(x => x.Body is not null);
        RuleFor(x => x.Body.Type).IsInEnum().OverridePropertyName("type").When(x => x.Body is not null);
        RuleFor(x => x.Body.Urgency).IsInEnum().OverridePropertyName("urgency").When(x => x.Body is not null);
        When(x => x.Body is not null && x.Kind == TextTemplateKind.OrderTemplate, () =>
            RuleFor(x => x.Body.CategoryCode).NotEmpty().WithMessage("工单模板须指定诉求分类。").OverridePropertyName("categoryCode"));
        When(x => x.Body is not null && x.Kind != TextTemplateKind.OrderTemplate, () =>
        {
            RuleFor(x => x.Body.Type).Null().WithMessage(x => $"{KindName[x.Kind]}不带诉求类型。").OverridePropertyName("type");
            RuleFor(x => x.Body.Urgency).Null().WithMessage(x => $"{KindName[x.Kind]}不带紧急程度。").OverridePropertyName("urgency");
        });
        When(x => x.Body is not null && x.Kind == TextTemplateKind.Phrase, () =>
            RuleFor(x => x.Body.CategoryCode).Null().WithMessage("常用语不带诉求分类。").OverridePropertyName("categoryCode"));
        When(x => x.Body is not null && x.Kind != TextTemplateKind.ReplyTemplate, () =>
            RuleFor(x => x.Body.UnitId).Null().WithMessage(x => $"{KindName[x.Kind]}由热线中心统一维护，不属于承办单位。").OverridePropertyName("unitId"));
    }
}

public sealed class SaveTemplateHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<SaveTemplate, TextTemplateDto>
{
    public async Task<TextTemplateDto> Handle(SaveTemplate request, CancellationToken cancellationToken)
    {
        var (actor, body, now) = (currentUser.Actor, request.Body, time.GetUtcNow());
        var snapshot = await reference.GetAsync(cancellationToken);
        if (body.CategoryCode is { } code && !snapshot.IsLeafCategory(code))
        {
            throw Invalid("categoryCode", $"诉求分类 {code} 不存在或不是二级分类。");
        }

        TextTemplate? template = null;
        if (request.Id is { } id)
        {
            template = await db.TextTemplates.FirstOrDefaultAsync(t => t.Id == id && t.Kind == request.Kind, cancellationToken);
            if (template is null || !TemplateAccess.CanSee(actor, template))
            {
                throw new NotFoundException("模板", id);
            }
        }

        var unitId = OwnerOf(actor, request.Kind, template, body.UnitId);
        if (unitId is { } owner && !snapshot.UnitsById.ContainsKey(owner))
        {
            throw Invalid("unitId", "承办单位不存在。");
        }

        var name = body.Name!.Trim();
        if (await db.TextTemplates.AnyAsync(t => t.Kind == request.Kind && t.UnitId == unitId && t.Name == name && t.Id != request.Id, cancellationToken))
        {
            throw new DomainException($"已有名为「{name}」的模板，请换一个名称。");
        }

        var text = body.Body!.Trim();
        if (template is null)
        {
            var last = await db.TextTemplates.Where(t => t.Kind == request.Kind && t.UnitId == unitId)
                .MaxAsync(t => (int?)t.SortOrder, cancellationToken);
            var sortOrder = body.SortOrder ?? Math.Min((last ?? 0) + 10, TextTemplate.MaxSortOrder);
            template = new TextTemplate(Guid.NewGuid(), request.Kind, unitId, name, text, sortOrder, now, actor.UserName);
            if (body.IsActive == false)
            {
                template.Edit(name, text, sortOrder, false, now, actor.UserName);
            }

            db.TextTemplates.Add(template);
        }
        else
        {
            template.Edit(name, text, body.SortOrder ?? template.SortOrder, body.IsActive ?? template.IsActive, now, actor.UserName);
        }

        template.SetOrderFields(body.CategoryCode, body.Type, body.Urgency);
        await db.SaveChangesAsync(cancellationToken);
        return TemplateAccess.ToDto(template);
    }

    /// <summary>
    /// The unit a reply template belongs to: a unit's staff always write their own unit's (naming another unit, or
    /// touching the centre's, is refused); supervisors and administrators choose (null: centre-wide).
    /// </summary>
    private static Guid? OwnerOf(Actor actor, TextTemplateKind kind, TextTemplate? existing, Guid? wanted)
    {
        if (kind != TextTemplateKind.ReplyTemplate)
        {
            return null;
        }

        if (TemplateAccess.IsManager(actor))
        {
            return wanted;
        }

        if (!actor.IsDepartment)
        {
            throw new ActorNotPermittedException("只有承办单位、督办和管理员可以维护答复模板。");
        }

        if (existing is { UnitId: null })
        {
            throw new ActorNotPermittedException("中心统一的答复模板由督办维护，单位只能修改本单位的模板。");
        }

        if (wanted is { } unit && unit != actor.UnitId)
        {
            throw new ActorNotPermittedException("只能维护本单位的答复模板。");
        }

        return actor.UnitId;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
