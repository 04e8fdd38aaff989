using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Core.Features.Intelligence.GetCategoryModel;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Intelligence.ClassifyDemand;

/// <summary>
/// 智能分类: the three likeliest categories of a demand's text with their probabilities, and the unit the dispatch
/// catalogue names for the first one at the given place. 409 when no model is active on this node.
/// </summary>
public sealed record ClassifyDemand(ClassifyRequest Body) : IRequest<ClassifyResult>;

public sealed class ClassifyDemandValidator : AbstractValidator<ClassifyDemand>
{
    public ClassifyDemandValidator()
    {
        RuleFor(x => x.Body.Content).NotEmpty().WithMessage("content 不能为空。").OverridePropertyName("content")
            .MaximumLength(Ticket.MaxContentLength).WithMessage($"content 不能超过 {Ticket.MaxContentLength} 字。");
        RuleFor(x => x.Body.DistrictCode).MaximumLength(32).OverridePropertyName("districtCode");
        RuleFor(x => x.Body.StreetCode).MaximumLength(32).OverridePropertyName("streetCode");
    }
}

public sealed class ClassifyDemandHandler(HotlineDbContext db, ActiveCategoryModel active, ReferenceDataCache reference)
    : IRequestHandler<ClassifyDemand, ClassifyResult>
{
    public const int Top = 3;

    public async Task<ClassifyResult> Handle(ClassifyDemand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var snapshot = await reference.GetAsync(cancellationToken);
        var (district, street) = (Clean(body.DistrictCode), Clean(body.StreetCode));
        if (district is not null && !snapshot.DistrictsByCode.ContainsKey(district))
        {
            throw new ValidationException([new ValidationFailure("districtCode", $"districtCode「{district}」不是已知的区县。")]);
        }

        if (street is not null && (!snapshot.StreetsByCode.TryGetValue(street, out var s) || (district is not null && s.DistrictCode != district)))
        {
            throw new ValidationException([new ValidationFailure("streetCode", $"streetCode「{street}」不是已知的街道，或不属于该区县。")]);
        }

        district ??= street is null ? null : snapshot.StreetsByCode[street].DistrictCode;
        // No model on this node yet: ask the database (and wait for a load under way) rather than answer 409 while
        // a model that was just activated is still loading.
        var model = active.Current ?? await active.RefreshAsync(db, cancellationToken);

        if (model is null)
        {
            throw new NoActiveModelException();
        }

        var content = body.Content!;
        var ranked = model.Classifier.Predict(content);
        var top = ranked.Where(r => snapshot.CategoriesByCode.ContainsKey(r.Code)).Take(Top)
            .Select(r => new CategoryProbabilityDto(r.Code, snapshot.CategoriesByCode[r.Code].Name, Math.Round(r.Probability, 4)))
            .ToList();
        SuggestedUnitDto? unit = null;
        if (top.Count > 0 && snapshot.Catalogue.Suggest(top[0].Code, district, street) is { } suggestion && snapshot.UnitsById.TryGetValue(suggestion.UnitId, out var found))
        {
            unit = new SuggestedUnitDto(found.Id, found.Name, suggestion.Reason);
        }

        return new ClassifyResult(model.Id, top, unit);
    }

    private static string? Clean(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();
}
