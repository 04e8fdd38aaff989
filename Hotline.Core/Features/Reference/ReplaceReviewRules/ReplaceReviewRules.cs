using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference.ListReviewRules;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.ReplaceReviewRules;

/// <summary>
/// Replaces the rules of 办结审核 (Admin). An empty list switches the review off. Replies already waiting for a review
/// keep waiting; the rules are read when a unit replies.
/// </summary>
public sealed record ReplaceReviewRules(IReadOnlyList<UpsertReviewRuleRequest>? Rules) : IRequest<IReadOnlyList<ReviewRuleDto>>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.ReviewRulesSaved;
    public string? AuditSummary => $"修改办结审核规则：{Rules?.Count ?? 0} 条";
    public string? AuditTargetType => "ReviewRule";
}

public sealed class ReplaceReviewRulesValidator : AbstractValidator<ReplaceReviewRules>
{
    public const int MaxRules = 100;

    public ReplaceReviewRulesValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Rules).NotNull().OverridePropertyName("rules");
        RuleFor(x => x.Rules!.Count).LessThanOrEqualTo(MaxRules).When(x => x.Rules is not null).OverridePropertyName("rules");
        RuleForEach(x => x.Rules).NotNull().OverridePropertyName("rules");
        RuleForEach(x => x.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Type).IsInEnum();
            rule.RuleFor(r => r.Channel).IsInEnum();
            rule.RuleFor(r => r.CategoryCode).MaximumLength(ReviewRule.MaxCategoryCodeLength)
                .MustAsync(async (code, ct) => string.IsNullOrWhiteSpace(code) || (await reference.GetAsync(ct)).CategoriesByCode.ContainsKey(code.Trim()))
                .WithMessage("分类不存在。");
        }).When(x => x.Rules is not null).OverridePropertyName("rules");
    }
}

public sealed class ReplaceReviewRulesHandler(HotlineDbContext db) : IRequestHandler<ReplaceReviewRules, IReadOnlyList<ReviewRuleDto>>
{
    public async Task<IReadOnlyList<ReviewRuleDto>> Handle(ReplaceReviewRules request, CancellationToken cancellationToken)
    {
        // One save: the old rules go and the new ones come in the same transaction.
        db.ReviewRules.RemoveRange(await db.ReviewRules.ToListAsync(cancellationToken));
        db.ReviewRules.AddRange(request.Rules!.Select(r => new ReviewRule(Guid.CreateVersion7(), r.Type, r.CategoryCode, r.Channel, r.ReworkedOnly ?? false)));
        await db.SaveChangesAsync(cancellationToken);
        return await new ListReviewRulesHandler(db).Handle(new ListReviewRules.ListReviewRules(), cancellationToken);
    }
}
