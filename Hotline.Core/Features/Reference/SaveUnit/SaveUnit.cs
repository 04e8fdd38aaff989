using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Unit = Hotline.Domain.Reference.Unit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveUnit;

/// <summary>Creates (Id null) or changes a unit of the unit tree.</summary>
public sealed record SaveUnit(Guid? Id, UpsertUnitRequest Body) : IRequest<UnitDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UnitSaved;
    public string? AuditSummary => $"{(Id is null ? "新增" : "修改")}承办单位：{Body.Code} {Body.Name}";
    public string? AuditTargetType => "Unit";
    public string? AuditTargetId => Id?.ToString();
}

public sealed class SaveUnitValidator : AbstractValidator<SaveUnit>
{
    public SaveUnitValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Body.Code).MustBeCode().OverridePropertyName("code");
        RuleFor(x => x.Body.Name).MustBeName().OverridePropertyName("name");
        RuleFor(x => x.Body.Kind).NotNull().IsInEnum().OverridePropertyName("kind");
        RuleFor(x => x.Body.DistrictCode)
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).DistrictsByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.Body.DistrictCode)).WithMessage("区县代码不存在。").OverridePropertyName("districtCode");
        RuleFor(x => x.Body.DistrictCode).NotEmpty().OverridePropertyName("districtCode")
            .When(x => x.Body.Kind is UnitKind.DistrictGovernment or UnitKind.StreetOffice)
            .WithMessage("区政府和街道办事处必须指明所属区县。");
        RuleFor(x => x.Body.ParentId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.Body.ParentId is not null).WithMessage("上级单位不存在。").OverridePropertyName("parentId");
        RuleFor(x => x.Body.ParentId).NotEqual(x => x.Id).When(x => x.Id is not null).OverridePropertyName("parentId")
            .WithMessage("上级单位不能是它自己。");
        RuleFor(x => x.Body.Phone)
            .Must(p => p!.Length <= 32 && Domain.Telephony.PhoneNumbers.Normalize(p) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Body.Phone)).WithMessage("请填写有效的单位值班电话。").OverridePropertyName("phone");
    }
}

public sealed class SaveUnitHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<SaveUnit, UnitDto>
{
    public async Task<UnitDto> Handle(SaveUnit request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var code = body.Code!.Trim();
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != request.Id, cancellationToken))
        {
            throw new DomainException($"单位代码 {code} 已被使用。");
        }

        Unit unit;
        if (request.Id is { } id)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("单位", id);
            unit.Change(code, body.Name!.Trim(), body.Kind!.Value, body.ParentId, NullIfEmpty(body.DistrictCode));
        }
        else
        {
            unit = new Unit(Guid.NewGuid(), code, body.Name!.Trim(), body.Kind!.Value, body.ParentId, NullIfEmpty(body.DistrictCode));
            db.Units.Add(unit);
        }

        unit.SetPhone(Domain.Telephony.PhoneNumbers.Normalize(body.Phone));
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return UnitMapping.ToDto(unit);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
