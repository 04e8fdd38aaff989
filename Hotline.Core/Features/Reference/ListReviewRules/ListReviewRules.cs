using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.ListReviewRules;

/// <summary>The rules of 办结审核: which replies wait for a supervisor's review before their callback.</summary>
public sealed record ListReviewRules : IRequest<IReadOnlyList<ReviewRuleDto>>;

public sealed class ListReviewRulesHandler(HotlineDbContext db) : IRequestHandler<ListReviewRules, IReadOnlyList<ReviewRuleDto>>
{
    public async Task<IReadOnlyList<ReviewRuleDto>> Handle(ListReviewRules request, CancellationToken cancellationToken)
    {
        var rules = await db.ReviewRules.AsNoTracking().ToListAsync(cancellationToken);
        return rules.OrderBy(r => r.Type.HasValue ? 0 : 1).ThenBy(r => r.Type).ThenBy(r => r.CategoryCode, StringComparer.Ordinal).ThenBy(r => r.Channel).ThenBy(r => r.Id)
            .Select(ToDto).ToList();
    }

    public static ReviewRuleDto ToDto(ReviewRule r) => new(r.Id, r.Type, r.CategoryCode, r.Channel, r.ReworkedOnly);
}
