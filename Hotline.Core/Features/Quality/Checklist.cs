using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Quality;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Quality;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Quality;

/// <summary><c>GET /api/qa/checklist</c>: the active points in order.</summary>
public sealed record GetQaChecklist : IRequest<IReadOnlyList<QaChecklistItemDto>>;

public sealed class GetQaChecklistHandler(HotlineDbContext db) : IRequestHandler<GetQaChecklist, IReadOnlyList<QaChecklistItemDto>>
{
    public async Task<IReadOnlyList<QaChecklistItemDto>> Handle(GetQaChecklist request, CancellationToken cancellationToken) =>
        (await QaChecklist.ActiveAsync(db, cancellationToken)).Select(i => i.Dto()).ToList();
}

/// <summary>
/// <c>PUT /api/qa/checklist</c>: the whole checklist in its order; points left out are retired (past scores keep their
/// copy), new points get ids. Audited.
/// </summary>
public sealed record SaveQaChecklist(SaveQaChecklistRequest Body) : IRequest<IReadOnlyList<QaChecklistItemDto>>, Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.QaChecklistSaved;

    public string? AuditSummary => "修改质检评分表：" + string.Join("、", Body.Items?.OfType<QaChecklistItemInput>().Select(i => $"{i.Title}（{i.MaxScore}）") ?? []);

    public string? AuditTargetType => "QaChecklist";

    public string? AuditTargetId => "checklist";
}

public sealed class SaveQaChecklistValidator : AbstractValidator<SaveQaChecklist>
{
    public SaveQaChecklistValidator()
    {
        RuleFor(x => x.Body.Items).NotEmpty().WithMessage("评分表至少需要一个评分项。").OverridePropertyName("items");
        RuleFor(x => x.Body.Items!.Count).LessThanOrEqualTo(20).When(x => x.Body.Items is not null).WithMessage("评分项不能超过 20 个。").OverridePropertyName("items");
        RuleForEach(x => x.Body.Items).NotNull().WithMessage("评分项不能为空。").OverridePropertyName("items");
        RuleForEach(x => x.Body.Items).Where(i => i is not null).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).NotEmpty().MaximumLength(QaChecklistItem.TitleMaxLength).WithMessage($"评分项名称不能为空，且不超过 {QaChecklistItem.TitleMaxLength} 个字。");
            item.RuleFor(i => i.MaxScore).NotNull().InclusiveBetween(1, QaChecklistItem.MaxPoints).WithMessage($"评分项满分须在 1 到 {QaChecklistItem.MaxPoints} 之间。");
        }).OverridePropertyName("items");
        RuleFor(x => x.Body.Items).Must(items => items!.Where(i => i?.Id is not null).GroupBy(i => i.Id).All(g => g.Count() == 1))
            .When(x => x.Body.Items is not null).WithMessage("同一评分项不能出现两次。").OverridePropertyName("items");
    }
}

public sealed class SaveQaChecklistHandler(HotlineDbContext db) : IRequestHandler<SaveQaChecklist, IReadOnlyList<QaChecklistItemDto>>
{
    public async Task<IReadOnlyList<QaChecklistItemDto>> Handle(SaveQaChecklist request, CancellationToken cancellationToken)
    {
        var existing = await db.QaChecklistItems.ToDictionaryAsync(i => i.Id, cancellationToken);
        var items = request.Body.Items!;
        var kept = new HashSet<Guid>();
        for (var position = 0; position < items.Count; position++)
        {
            var input = items[position];
            if (input.Id is { } id)
            {
                if (!existing.TryGetValue(id, out var item))
                {
                    throw new DomainException("评分项已不存在，请刷新评分表后重试。");
                }

                item.Change(input.Title!, input.MaxScore!.Value, position);
                kept.Add(id);
            }
            else
            {
                db.QaChecklistItems.Add(QaChecklistItem.Create(Guid.NewGuid(), input.Title!, input.MaxScore!.Value, position));
            }
        }

        foreach (var item in existing.Values.Where(i => i.IsActive && !kept.Contains(i.Id)))
        {
            item.Retire();
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.QaChecklistItems.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Position).ToListAsync(cancellationToken)).Select(i => i.Dto()).ToList();
    }
}
