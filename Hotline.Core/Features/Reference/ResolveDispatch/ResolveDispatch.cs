using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Tickets.GetDispatchSuggestion;
using MediatR;

namespace Hotline.Core.Features.Reference.ResolveDispatch;

/// <summary>
/// Which unit the dispatch catalogue gives a category at a district or street: the resolution an order's dispatch
/// suggestion runs, without an order (the admin's 派单目录 tester).
/// </summary>
public sealed record ResolveDispatch(string? CategoryCode, string? DistrictCode, string? StreetCode) : IRequest<DispatchSuggestionDto>;

public sealed class ResolveDispatchValidator : AbstractValidator<ResolveDispatch>
{
    public ResolveDispatchValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.CategoryCode).NotEmpty().OverridePropertyName("categoryCode")
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).CategoriesByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.CategoryCode), ApplyConditionTo.CurrentValidator).WithMessage("分类代码不存在。");
        RuleFor(x => x.DistrictCode)
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).DistrictsByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.DistrictCode)).WithMessage("区县代码不存在。").OverridePropertyName("districtCode");
        RuleFor(x => x.StreetCode)
            .MustAsync(async (x, code, ct) => (await reference.GetAsync(ct)).StreetsByCode.TryGetValue(code!, out var s) && s.DistrictCode == x.DistrictCode)
            .When(x => !string.IsNullOrEmpty(x.StreetCode)).WithMessage("街道代码不存在或不属于所选区县（指定街道时须同时指定区县）。").OverridePropertyName("streetCode");
    }
}

public sealed class ResolveDispatchHandler(ReferenceDataCache reference) : IRequestHandler<ResolveDispatch, DispatchSuggestionDto>
{
    public async Task<DispatchSuggestionDto> Handle(ResolveDispatch request, CancellationToken cancellationToken) =>
        GetDispatchSuggestionHandler.Suggest(
            await reference.GetAsync(cancellationToken),
            request.CategoryCode!,
            string.IsNullOrEmpty(request.DistrictCode) ? null : request.DistrictCode,
            string.IsNullOrEmpty(request.StreetCode) ? null : request.StreetCode);
}
