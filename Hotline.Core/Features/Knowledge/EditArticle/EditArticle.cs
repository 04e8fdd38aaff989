using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.CreateArticle;
using Hotline.Core.Features.Knowledge.Search;
using MediatR;

namespace Hotline.Core.Features.Knowledge.EditArticle;

/// <summary>修改: a new version of the working copy (a draft again); a published article stays as published until the new one is approved.</summary>
public sealed record EditArticle(Guid ArticleId, ArticleRequest Body, int? Version) : IRequest<ArticleDto>;

public sealed class EditArticleValidator : AbstractValidator<EditArticle>
{
    public EditArticleValidator(Reference.ReferenceDataCache reference)
    {
        RuleFor(x => x.Body).SetValidator(new ArticleRequestValidator(reference));
        RuleFor(x => x.Version).NotNull().WithMessage("须提供所修改的版本号（version 或 If-Match）。").OverridePropertyName("version");
    }
}

public sealed class EditArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeIndexSync sync) : IRequestHandler<EditArticle, ArticleDto>
{
    public async Task<ArticleDto> Handle(EditArticle request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var article = await KnowledgeReader.LoadForChangeAsync(db, request.ArticleId, cancellationToken);
        article.Edit(ArticleRequestValidator.ToContent(request.Body), request.Version, actor, now);
        KnowledgeChanges.Record(db, article.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await sync.CatchUpAsync(cancellationToken);
        return await KnowledgeReader.ToDtoAsync(db, article, actor, now, cancellationToken);
    }
}
