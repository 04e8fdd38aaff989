using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.GetArticle;

/// <summary>One article: the working copy for editors and reviewers, the published version for everyone else (404 if they may not see it).</summary>
public sealed record GetArticle(Guid ArticleId) : IRequest<ArticleDto>;

public sealed class GetArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<GetArticle, ArticleDto>
{
    public Task<ArticleDto> Handle(GetArticle request, CancellationToken cancellationToken) =>
        KnowledgeReader.ReadAsync(db, request.ArticleId, currentUser.Actor, time.GetUtcNow(), cancellationToken);
}

/// <summary>历史版本: every version with who changed it, when and why (editors and reviewers).</summary>
public sealed record ListArticleVersions(Guid ArticleId) : IRequest<IReadOnlyList<ArticleVersionDto>>;

public sealed class ListArticleVersionsHandler(HotlineDbContext db) : IRequestHandler<ListArticleVersions, IReadOnlyList<ArticleVersionDto>>
{
    public async Task<IReadOnlyList<ArticleVersionDto>> Handle(ListArticleVersions request, CancellationToken cancellationToken)
    {
        if (!await db.Set<KnowledgeArticle>().AnyAsync(a => a.Id == request.ArticleId, cancellationToken))
        {
            throw new NotFoundException("知识条目", request.ArticleId);
        }

        var versions = await db.Set<KnowledgeArticleVersion>().AsNoTracking().Where(v => v.ArticleId == request.ArticleId)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return versions.Select(KnowledgeReader.ToDto).ToList();
    }
}

/// <summary>A published, public, valid article for citizens (the public form's suggestion opens it).</summary>
public sealed record GetPublicArticle(Guid ArticleId) : IRequest<PublicArticleDto>;

public sealed class GetPublicArticleHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<GetPublicArticle, PublicArticleDto>
{
    public async Task<PublicArticleDto> Handle(GetPublicArticle request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var article = await db.Set<KnowledgeArticle>().AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == request.ArticleId, cancellationToken);
        var published = article is { IsLive: true } ? article.Published : null;
        if (published is null || published.Audience != KnowledgeAudience.Public || published.Content.IsExpiredAt(now) || published.ValidFrom > now)
        {
            throw new NotFoundException("知识条目", request.ArticleId);
        }

        return new PublicArticleDto(article!.Id, published.Title, MarkdownRenderer.ToHtml(published.Body), published.ValidTo, published.ChangedAt);
    }
}
