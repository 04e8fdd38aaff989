using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Knowledge.SubmitArticle;

/// <summary>提交审核: the editor hands the draft to the reviewers (Draft → InReview).</summary>
public sealed record SubmitArticle(Guid ArticleId, int? Version) : IRequest<ArticleDto>;

public sealed class SubmitArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SubmitArticle, ArticleDto>
{
    public async Task<ArticleDto> Handle(SubmitArticle request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var article = await KnowledgeReader.LoadForChangeAsync(db, request.ArticleId, cancellationToken);
        article.Submit(request.Version, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await KnowledgeReader.ToDtoAsync(db, article, actor, now, cancellationToken);
    }
}
