using System.Text;
using System.Text.Json;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Knowledge.ImportArticles;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.ExportArticles;

/// <summary>
/// 导出: the published version of every live article in the import format, so an export imports again unchanged.
/// An article written in Hotline (no external id) is exported under its id.
/// </summary>
public sealed record ExportArticles(bool JsonLines) : IRequest<string>;

public sealed class ExportArticlesHandler(HotlineDbContext db) : IRequestHandler<ExportArticles, string>
{
    public async Task<string> Handle(ExportArticles request, CancellationToken cancellationToken)
    {
        var rows = await db.Set<KnowledgeArticle>().AsNoTracking()
            .Where(a => a.PublishedVersion != null && a.Status != ArticleStatus.Retired)
            .Join(db.Set<KnowledgeArticleVersion>().AsNoTracking(), a => new { a.Id, Number = a.PublishedVersion!.Value }, v => new { Id = v.ArticleId, v.Number },
                (a, v) => new { a.Id, a.ExternalId, Version = v })
            .ToListAsync(cancellationToken);
        var lines = rows
            .OrderBy(r => r.ExternalId ?? r.Id.ToString(), StringComparer.Ordinal)
            .Select(r => new ArticleExchangeLine(
                r.ExternalId ?? r.Id.ToString(),
                r.Version.Title,
                r.Version.Body,
                r.Version.CategoryCodes.FirstOrDefault() ?? r.Version.Tags.FirstOrDefault(),
                r.Version.Keywords,
                r.Version.Audience.ToString().ToLowerInvariant(),
                r.Version.ValidFrom,
                r.Version.ValidTo))
            .ToList();
        if (!request.JsonLines)
        {
            return JsonSerializer.Serialize(lines, ArticleExchange.Json);
        }

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(JsonSerializer.Serialize(line, ArticleExchange.Json)).Append('\n');
        }

        return builder.ToString();
    }
}
