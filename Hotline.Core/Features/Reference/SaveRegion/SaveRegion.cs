using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Core.Features.Reference.ListRegions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveRegion;

/// <summary>Creates or replaces a district with its streets (PUT /api/regions/{code}).</summary>
public sealed record SaveRegion(string Code, UpsertRegionRequest Body) : IRequest<RegionDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.RegionSaved;
    public string? AuditSummary => $"保存区县：{Code} {Body.Name}";
    public string? AuditTargetType => "District";
    public string? AuditTargetId => Code;
}

public sealed class SaveRegionValidator : AbstractValidator<SaveRegion>
{
    public SaveRegionValidator()
    {
        RuleFor(x => x.Code).MustBeCode().OverridePropertyName("code");
        RuleFor(x => x.Body.Name).MustBeName().OverridePropertyName("name");
        RuleFor(x => x.Body.Streets).NotNull().OverridePropertyName("streets");
        RuleFor(x => x.Body.SortOrder).InclusiveBetween(0, 9999).When(x => x.Body.SortOrder is not null).OverridePropertyName("sortOrder")
            .WithMessage("排列顺序须在 0 到 9999 之间。");
        RuleForEach(x => x.Body.Streets).NotNull().OverridePropertyName("streets");
        RuleForEach(x => x.Body.Streets).ChildRules(street =>
        {
            street.RuleFor(s => s.Code).MustBeCode();
            street.RuleFor(s => s.Name).MustBeName();
        }).OverridePropertyName("streets");
        RuleFor(x => x.Body.Streets).Must(s => s!.Select(x => x.Code).Distinct().Count() == s!.Count)
            .When(x => x.Body.Streets?.All(s => s is not null) == true).OverridePropertyName("streets").WithMessage("街道代码重复。");
    }
}

public sealed class SaveRegionHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<SaveRegion, RegionDto>
{
    public async Task<RegionDto> Handle(SaveRegion request, CancellationToken cancellationToken)
    {
        var streetCodes = request.Body.Streets!.Select(s => s.Code).ToList();
        if (await db.Streets.AnyAsync(s => streetCodes.Contains(s.Code) && s.DistrictCode != request.Code, cancellationToken))
        {
            throw new DomainException("有街道代码已属于其他区县。");
        }

        var district = await db.Districts.Include(d => d.Streets).FirstOrDefaultAsync(d => d.Code == request.Code, cancellationToken);
        if (district is null)
        {
            district = new District(request.Code, request.Body.Name!.Trim());
            db.Districts.Add(district);
        }
        else
        {
            district.Rename(request.Body.Name!.Trim());
        }

        if (request.Body.SortOrder is { } sortOrder)
        {
            district.SetSortOrder(sortOrder);
        }

        district.SetStreets(request.Body.Streets!.Select(s => (s.Code, s.Name.Trim())));
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return ListRegionsHandler.ToDto(district);
    }
}
