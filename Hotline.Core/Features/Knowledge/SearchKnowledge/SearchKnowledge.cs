using System.Diagnostics;
using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Knowledge;
using MediatR;

namespace Hotline.Core.Features.Knowledge.SearchKnowledge;

/// <summary>
/// 知识检索 for staff: best first, matched words in &lt;mark&gt;. Departments see public articles and their own
/// unit's internal guides. Expired articles are left out unless asked for (and then marked expired).
/// </summary>
public sealed record SearchKnowledge(string? Q, int? Top, KnowledgeAudience? Audience, string? CategoryCode, bool IncludeExpired) : IRequest<KnowledgeSearchResult>;

/// <summary>The public form's suggestions (您的问题可能已有答案): public, published and valid articles only.</summary>
public sealed record SearchPublicKnowledge(string? Q, int? Top) : IRequest<KnowledgeSearchResult>;

public sealed class SearchKnowledgeValidator : AbstractValidator<SearchKnowledge>
{
    public SearchKnowledgeValidator()
    {
        RuleFor(x => x.Q).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("请输入要检索的内容。").MaximumLength(KnowledgeSearch.MaxQueryLength).OverridePropertyName("q");
        RuleFor(x => x.Top).InclusiveBetween(1, KnowledgeIndex.MaxTop).When(x => x.Top is not null).OverridePropertyName("top");
        RuleFor(x => x.Audience).IsInEnum().When(x => x.Audience is not null).OverridePropertyName("audience");
        RuleFor(x => x.CategoryCode).MaximumLength(50).OverridePropertyName("categoryCode");
    }
}

public sealed class SearchPublicKnowledgeValidator : AbstractValidator<SearchPublicKnowledge>
{
    public const int MaxTop = 10;

    public SearchPublicKnowledgeValidator()
    {
        RuleFor(x => x.Q).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("请输入要检索的内容。").MaximumLength(KnowledgeSearch.MaxQueryLength).OverridePropertyName("q");
        RuleFor(x => x.Top).InclusiveBetween(1, MaxTop).When(x => x.Top is not null).OverridePropertyName("top");
    }
}

public sealed class SearchKnowledgeHandler(KnowledgeIndex index, KnowledgeIndexSync sync, KnowledgeActivityQueue activity, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<SearchKnowledge, KnowledgeSearchResult>, IRequestHandler<SearchPublicKnowledge, KnowledgeSearchResult>
{
    public Task<KnowledgeSearchResult> Handle(SearchKnowledge request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var limited = KnowledgeAccess.InternalLimitedToUnit(actor);
        return RunAsync(new IndexQuery(request.Q!, request.Top ?? 10, time.GetUtcNow(), request.Audience, false, actor.UnitId, limited, request.CategoryCode, request.IncludeExpired), false, cancellationToken);
    }

    public Task<KnowledgeSearchResult> Handle(SearchPublicKnowledge request, CancellationToken cancellationToken) =>
        RunAsync(new IndexQuery(request.Q!, request.Top ?? 5, time.GetUtcNow(), KnowledgeAudience.Public, PublicOnly: true), true, cancellationToken);

    private async Task<KnowledgeSearchResult> RunAsync(IndexQuery query, bool isPublic, CancellationToken ct)
    {
        await sync.WaitReadyAsync(ct);
        var started = Stopwatch.GetTimestamp();
        var hits = index.Search(query);
        var took = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
        var text = ChineseText.Normalize(query.Text);
        Guid? searchId = null;
        if (ChineseText.HasSearchableText(text))
        {
            searchId = Guid.NewGuid();
            activity.Searched(new KnowledgeSearch(searchId.Value, text, hits.Total, isPublic, query.Now));
        }

        return new KnowledgeSearchResult(
            hits.Items.Select(h => new KnowledgeSearchItem(h.Id, h.ExternalId, h.Title, h.Snippet, h.Audience, h.Score, h.Expired)).ToList(),
            hits.Total,
            took,
            searchId);
    }
}
