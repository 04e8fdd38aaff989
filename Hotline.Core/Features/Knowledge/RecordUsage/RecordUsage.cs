using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.RecordUsage;

/// <summary>An article was opened (from a search result when <paramref name="SearchId"/> names it): counts a view and marks the search as answered.</summary>
public sealed record RecordArticleView(Guid ArticleId, Guid? SearchId, bool FromPublic) : IRequest<ArticleStatsDto>;

/// <summary>有用/没用: an agent's vote on an article, one per person (a second vote replaces the first).</summary>
public sealed record VoteOnArticle(Guid ArticleId, bool Helpful) : IRequest<ArticleStatsDto>;

/// <summary>分流: the citizen left the public form without submitting after opening a suggested answer.</summary>
public sealed record RecordDeflection(Guid SearchId, Guid? ArticleId) : IRequest<Unit>;

public sealed class RecordDeflectionValidator : AbstractValidator<RecordDeflection>
{
    public RecordDeflectionValidator() => RuleFor(x => x.SearchId).NotEmpty().WithMessage("须提供 searchId（检索结果中的 searchId）。").OverridePropertyName("searchId");
}

public sealed class RecordUsageHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeActivityQueue activity)
    : IRequestHandler<RecordArticleView, ArticleStatsDto>, IRequestHandler<VoteOnArticle, ArticleStatsDto>, IRequestHandler<RecordDeflection, Unit>
{
    public async Task<ArticleStatsDto> Handle(RecordArticleView request, CancellationToken cancellationToken)
    {
        await RequireVisibleAsync(request.ArticleId, request.FromPublic, cancellationToken);
        // A counter, not a change: bumping it in place leaves the article's version (its concurrency token) alone.
        await db.Set<KnowledgeArticle>().Where(a => a.Id == request.ArticleId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + 1), cancellationToken);
        if (request.SearchId is { } searchId)
        {
            activity.Opened(searchId, request.ArticleId);
        }

        return (await KnowledgeReader.StatsAsync(db, [request.ArticleId], cancellationToken))[request.ArticleId];
    }

    public async Task<ArticleStatsDto> Handle(VoteOnArticle request, CancellationToken cancellationToken)
    {
        await RequireVisibleAsync(request.ArticleId, false, cancellationToken);
        var actor = currentUser.Actor;
        var vote = await db.Set<KnowledgeVote>().FirstOrDefaultAsync(v => v.ArticleId == request.ArticleId && v.UserName == actor.UserName, cancellationToken);
        if (vote is null)
        {
            db.Set<KnowledgeVote>().Add(new KnowledgeVote(request.ArticleId, actor.UserName, request.Helpful, time.GetUtcNow()));
        }
        else
        {
            vote.Change(request.Helpful, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await KnowledgeReader.StatsAsync(db, [request.ArticleId], cancellationToken))[request.ArticleId];
    }

    public Task<Unit> Handle(RecordDeflection request, CancellationToken cancellationToken)
    {
        activity.Deflected(request.SearchId, time.GetUtcNow());
        if (request.ArticleId is { } articleId)
        {
            activity.Opened(request.SearchId, articleId);
        }

        return Task.FromResult(Unit.Value);
    }

    private async Task RequireVisibleAsync(Guid articleId, bool publicOnly, CancellationToken ct)
    {
        var article = await db.Set<KnowledgeArticle>().AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == articleId, ct);
        var published = article is { IsLive: true } ? article.Published : null;
        var actor = currentUser.Actor;
        if (published is null
            || (publicOnly && published.Audience != KnowledgeAudience.Public)
            || (!publicOnly && !KnowledgeAccess.MaySee(actor, published.Audience, published.OwnerUnitId)))
        {
            throw new NotFoundException("知识条目", articleId);
        }
    }
}
