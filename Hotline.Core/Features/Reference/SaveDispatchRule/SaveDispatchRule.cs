using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveDispatchRule;

/// <summary>Creates (Id null) or changes one line of the dispatch catalogue.</summary>
public sealed record SaveDispatchRule(Guid? Id, UpsertDispatchRuleRequest Body) : IRequest<DispatchRuleDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.DispatchRuleSaved;
    public string? AuditSummary => $"{(Id is null ? "新增" : "修改")}派单目录规则：{Body.CategoryCode}";
    public string? AuditTargetType => "DispatchRule";
    public string? AuditTargetId => Id?.ToString();
}

public sealed class SaveDispatchRuleValidator : AbstractValidator<SaveDispatchRule>
{
    public SaveDispatchRuleValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Body.CategoryCode).NotEmpty().OverridePropertyName("categoryCode")
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).CategoriesByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.Body.CategoryCode), ApplyConditionTo.CurrentValidator).WithMessage("分类代码不存在。");
        RuleFor(x => x.Body.UnitId).NotNull().OverridePropertyName("unitId")
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.Body.UnitId is not null, ApplyConditionTo.CurrentValidator).WithMessage("承办单位不存在。");
        RuleFor(x => x.Body.DistrictCode)
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).DistrictsByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.Body.DistrictCode)).WithMessage("区县代码不存在。").OverridePropertyName("districtCode");
        RuleFor(x => x.Body.StreetCode)
            .MustAsync(async (x, code, ct) => (await reference.GetAsync(ct)).StreetsByCode.TryGetValue(code!, out var s) && s.DistrictCode == x.Body.DistrictCode)
            .When(x => !string.IsNullOrEmpty(x.Body.StreetCode)).WithMessage("街道代码不存在或不属于所选区县（指定街道时须同时指定区县）。").OverridePropertyName("streetCode");
    }
}

public sealed class SaveDispatchRuleHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<SaveDispatchRule, DispatchRuleDto>
{
    public async Task<DispatchRuleDto> Handle(SaveDispatchRule request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var district = string.IsNullOrWhiteSpace(body.DistrictCode) ? null : body.DistrictCode;
        var street = string.IsNullOrWhiteSpace(body.StreetCode) ? null : body.StreetCode;
        if (await db.DispatchRules.AnyAsync(r => r.Id != request.Id && r.CategoryCode == body.CategoryCode && r.DistrictCode == district && r.StreetCode == street, cancellationToken))
        {
            throw new DomainException("已有相同分类和地域的派单规则。");
        }

        DispatchRule rule;
        if (request.Id is { } id)
        {
            rule = await db.DispatchRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("派单规则", id);
            rule.Change(body.CategoryCode!, district, street, body.UnitId!.Value);
        }
        else
        {
            rule = new DispatchRule(Guid.NewGuid(), body.CategoryCode!, district, street, body.UnitId!.Value);
            db.DispatchRules.Add(rule);
        }

        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return DispatchRuleMapping.ToDto(rule);
    }
}
