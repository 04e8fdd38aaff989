using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Domain.Knowledge;
using MediatR;

namespace Hotline.Core.Features.Knowledge.PreviewArticle;

/// <summary>预览: the editor's Markdown as it will be shown, rendered and sanitized by the same renderer as a saved article.</summary>
public sealed record PreviewArticle(string? Body) : IRequest<ArticlePreviewDto>;

public sealed class PreviewArticleValidator : AbstractValidator<PreviewArticle>
{
    public PreviewArticleValidator() => RuleFor(x => x.Body).NotNull().MaximumLength(ArticleContent.MaxBodyLength).OverridePropertyName("body");
}

public sealed class PreviewArticleHandler : IRequestHandler<PreviewArticle, ArticlePreviewDto>
{
    public Task<ArticlePreviewDto> Handle(PreviewArticle request, CancellationToken cancellationToken) =>
        Task.FromResult(new ArticlePreviewDto(MarkdownRenderer.ToHtml(request.Body!)));
}
