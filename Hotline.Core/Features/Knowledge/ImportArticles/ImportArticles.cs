using System.Text.Encodings.Web;
using System.Text.Json;
using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Core.Features.Reference;
using Hotline.Core.Json;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.ImportArticles;

/// <summary>
/// 导入 (docs/knowledge.md "Import and export"): JSON Lines or a JSON array of articles, published at once (the
/// import is logged as the approval). The same externalId again is a new version, or nothing when unchanged. A bad
/// line is reported with its number and the other lines are imported, all in one transaction: nothing is half-written.
/// </summary>
public sealed record ImportArticles(string Payload, bool JsonLines) : IRequest<ImportResult>;

public sealed class ImportArticlesValidator : AbstractValidator<ImportArticles>
{
    public ImportArticlesValidator() =>
        RuleFor(x => x.Payload).NotEmpty().WithMessage(JsonImportReader.EmptyBody).OverridePropertyName("body");
}

public sealed class ImportArticlesHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ReferenceDataCache reference, KnowledgeIndexSync sync)
    : IRequestHandler<ImportArticles, ImportResult>
{
    public async Task<ImportResult> Handle(ImportArticles request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var errors = new List<ImportError>();
        var lines = await ArticleExchange.ParseAsync(request.Payload, request.JsonLines, errors, cancellationToken);
        var categories = (await reference.GetAsync(cancellationToken)).CategoriesByCode;

        var accepted = new List<(int Line, string ExternalId, ArticleExchangeLine Item)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, item) in lines)
        {
            var problem = ArticleExchange.Check(item);
            if (problem is null && !seen.Add(item.ExternalId!.Trim()))
            {
                problem = $"externalId {item.ExternalId!.Trim()} 在本次导入中重复。";
            }

            if (problem is not null)
            {
                errors.Add(new ImportError(number, problem));
                continue;
            }

            accepted.Add((number, item.ExternalId!.Trim(), item));
        }

        var ids = accepted.Select(a => a.ExternalId).ToList();
        var existing = await db.Set<KnowledgeArticle>().Include(a => a.Versions)
            .Where(a => a.ExternalId != null && ids.Contains(a.ExternalId))
            .ToDictionaryAsync(a => a.ExternalId!, StringComparer.Ordinal, cancellationToken);
        // An export names an article written in Hotline (no external id) by its id: importing it again updates that article.
        var ownIds = ids.Where(id => !existing.ContainsKey(id)).Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        foreach (var own in await db.Set<KnowledgeArticle>().Include(a => a.Versions).Where(a => a.ExternalId == null && ownIds.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            existing[own.Id.ToString()] = own;
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (number, externalId, item) in accepted)
        {
            try
            {
                existing.TryGetValue(externalId, out var article);
                var previous = article?.Latest.Content;
                var category = item.Category?.Trim();
                var isCode = category is not null && categories.ContainsKey(category);
                var content = ArticleContent.Create(
                    item.Title!, item.Body!, ArticleExchange.Audience(item.Audience)!.Value, item.Keywords,
                    previous?.Synonyms,
                    isCode ? [category!] : [],
                    !isCode && !string.IsNullOrEmpty(category) ? [category] : [],
                    previous?.OwnerUnitId, item.ValidFrom, item.ValidTo);
                if (article is null)
                {
                    article = KnowledgeArticle.Imported(Guid.NewGuid(), content, externalId, actor, now);
                    db.Set<KnowledgeArticle>().Add(article);
                    KnowledgeChanges.Record(db, article.Id, now);
                    created++;
                }
                else if (article.ReimportWith(content, actor, now))
                {
                    KnowledgeChanges.Record(db, article.Id, now);
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            catch (DomainException rule)
            {
                errors.Add(new ImportError(number, rule.Message));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await sync.CatchUpAsync(cancellationToken);
        return new ImportResult(created, updated, unchanged, errors.OrderBy(e => e.Line).ToList());
    }
}

/// <summary>The exchange format of import and export (api.md): <c>{externalId, title, body, category, keywords[], audience, validFrom?, validTo?}</c>.</summary>
public static class ArticleExchange
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static KnowledgeAudience? Audience(string? text) =>
        Enum.TryParse<KnowledgeAudience>(text?.Trim(), ignoreCase: true, out var audience) && Enum.IsDefined(audience) && !int.TryParse(text, out _) ? audience : null;

    /// <summary>Each line (JSON Lines: the line number; array: the element's position, from 1) or its parse error (<see cref="JsonImportReader"/>).</summary>
    public static async Task<List<(int Line, ArticleExchangeLine Item)>> ParseAsync(string payload, bool jsonLines, List<ImportError> errors, CancellationToken ct)
    {
        var items = new List<(int, ArticleExchangeLine)>();
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload));
        await foreach (var line in JsonImportReader.ReadAsync<ArticleExchangeLine>(body, jsonLines, Json, ct))
        {
            if (line.Item is { } item)
            {
                items.Add((line.Line, item));
            }
            else
            {
                errors.Add(new ImportError(line.Line, line.Error!));
            }
        }

        return items;
    }

    /// <summary>What is wrong with a line, in words for the person importing; null when it can be imported.</summary>
    public static string? Check(ArticleExchangeLine item)
    {
        if (string.IsNullOrWhiteSpace(item.ExternalId) || item.ExternalId.Trim().Length > KnowledgeArticle.MaxExternalIdLength)
        {
            return $"externalId 必填，且不超过 {KnowledgeArticle.MaxExternalIdLength} 字。";
        }

        if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Trim().Length > ArticleContent.MaxTitleLength)
        {
            return $"title 必填，且不超过 {ArticleContent.MaxTitleLength} 字。";
        }

        if (string.IsNullOrWhiteSpace(item.Body) || item.Body.Trim().Length > ArticleContent.MaxBodyLength)
        {
            return $"body 必填，且不超过 {ArticleContent.MaxBodyLength} 字。";
        }

        if (Audience(item.Audience) is null)
        {
            return "audience 须为 public 或 internal（不区分大小写）。";
        }

        if (item.Category is { Length: > ArticleContent.MaxTermLength })
        {
            return $"category 不超过 {ArticleContent.MaxTermLength} 字。";
        }

        if (item.Keywords is { } keywords && (keywords.Count > ArticleContent.MaxTerms || keywords.Any(k => k is null || k.Length > ArticleContent.MaxTermLength)))
        {
            return $"keywords 最多 {ArticleContent.MaxTerms} 个，每个不超过 {ArticleContent.MaxTermLength} 字。";
        }

        if (item.ValidFrom is { } from && item.ValidTo is { } to && to <= from)
        {
            return "validTo 须晚于 validFrom。";
        }

        return null;
    }
}
