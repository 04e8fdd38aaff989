using Hotline.Contracts;
using Hotline.Contracts.Knowledge;
using Hotline.Domain.Common;

namespace Hotline.Domain.Knowledge;

/// <summary>
/// 知识条目 (docs/knowledge.md). The working copy moves Draft → InReview → Published (or back to Draft with the
/// reviewer's note); editing a published article starts a new draft while the published version stays what
/// searches find. Every change appends a version; <see cref="Version"/> is also the concurrency token.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int MaxNoteLength = 1000;
    public const int MaxExternalIdLength = 100;

    private readonly List<KnowledgeArticleVersion> _versions = [];

    private KnowledgeArticle()
    {
        AuthorName = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public string? ExternalId { get; private set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>The number of the latest version; a change with another expected version is refused (409).</summary>
    public int Version { get; private set; }

    /// <summary>The version searches find and citizens read; null until first published.</summary>
    public int? PublishedVersion { get; private set; }

    /// <summary>The working copy's title (the latest version's), kept here for lists and sorting.</summary>
    public string Title { get; private set; }

    public string AuthorName { get; private set; }

    public Guid? AuthorId { get; private set; }

    /// <summary>Who last changed the content: the reviewer must be someone else.</summary>
    public string? LastEditorName { get; private set; }

    public Guid? LastEditorId { get; private set; }

    public string? ReviewNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the published content last changed (the "unchanged for a year" review flag counts from here).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public int Views { get; private set; }

    public IReadOnlyList<KnowledgeArticleVersion> Versions => _versions;

    public KnowledgeArticleVersion Latest => _versions.OrderByDescending(v => v.Number).First();

    public static KnowledgeArticle Draft(Guid id, ArticleContent content, string? externalId, Actor actor, DateTimeOffset now)
    {
        RequireEditor(actor);
        var article = new KnowledgeArticle
        {
            Id = id,
            ExternalId = CleanExternalId(externalId),
            Status = ArticleStatus.Draft,
            AuthorName = actor.UserName,
            AuthorId = actor.UserId,
            CreatedAt = now,
        };
        article.Append(ArticleChange.Created, content, actor, now, null);
        return article;
    }

    /// <summary>An import publishes at once; the import itself is logged as the approval.</summary>
    public static KnowledgeArticle Imported(Guid id, ArticleContent content, string externalId, Actor actor, DateTimeOffset now)
    {
        var article = Draft(id, content, externalId, actor, now);
        article.Status = ArticleStatus.Published;
        article.PublishedVersion = article.Version;
        article.PublishedAt = now;
        return article;
    }

    /// <summary>
    /// The imported line again: unchanged content changes nothing (false); otherwise a new published version.
    /// A retired article comes back only through an editor, never by a re-import.
    /// </summary>
    public bool ReimportWith(ArticleContent content, Actor actor, DateTimeOffset now)
    {
        if (Status == ArticleStatus.Retired)
        {
            throw new DomainException("该条目已下线，导入不会恢复它；请由知识库管理员处理。");
        }

        var published = PublishedVersion is { } p ? _versions.Single(v => v.Number == p).Content : null;
        if (published is not null && published.SameAs(content) && Latest.Content.SameAs(content))
        {
            return false;
        }

        Append(ArticleChange.Imported, content, actor, now, null);
        Status = ArticleStatus.Published;
        PublishedVersion = Version;
        PublishedAt = now;
        ReviewNote = null;
        return true;
    }

    public void Edit(ArticleContent content, int? expectedVersion, Actor actor, DateTimeOffset now, string? note = null)
    {
        RequireEditor(actor);
        RequireVersion(expectedVersion);
        if (Status == ArticleStatus.Retired)
        {
            throw new DomainException("已下线的条目不能修改。");
        }

        if (Latest.Content.SameAs(content))
        {
            throw new DomainException("内容没有变化。");
        }

        Append(ArticleChange.Edited, content, actor, now, note);
        Status = ArticleStatus.Draft;
    }

    public void Submit(int? expectedVersion, Actor actor, DateTimeOffset now)
    {
        RequireEditor(actor);
        RequireVersion(expectedVersion);
        RequireStatus("提交审核", ArticleStatus.Draft);
        Append(ArticleChange.Submitted, Latest.Content, actor, now, null, contentChange: false);
        Status = ArticleStatus.InReview;
    }

    /// <summary>审核: a Supervisor or Admin who did not write the content publishes it or sends it back with a note.</summary>
    public void Review(bool approve, string? note, int? expectedVersion, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsInRole(Roles.Supervisor) && !actor.IsInRole(Roles.Admin))
        {
            throw new ActorNotPermittedException("只有督办或管理员可以审核知识条目。");
        }

        RequireVersion(expectedVersion);
        RequireStatus("审核", ArticleStatus.InReview);
        if (IsSamePerson(actor, LastEditorId, LastEditorName) || IsSamePerson(actor, AuthorId, AuthorName))
        {
            throw new ActorNotPermittedException("不能审核自己编写的条目。");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!approve && note is null)
        {
            throw new DomainException("退回时须填写退回意见。");
        }

        Append(approve ? ArticleChange.Published : ArticleChange.SentBack, Latest.Content, actor, now, note, contentChange: false);
        ReviewNote = note;
        if (approve)
        {
            Status = ArticleStatus.Published;
            PublishedVersion = Version;
            PublishedAt = now;
        }
        else
        {
            Status = ArticleStatus.Draft;
        }
    }

    /// <summary>下线: no longer found or shown; every version stays for history.</summary>
    public void Retire(string? note, int? expectedVersion, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsInRole(Roles.KnowledgeEditor) && !actor.IsInRole(Roles.Supervisor) && !actor.IsInRole(Roles.Admin))
        {
            throw new ActorNotPermittedException("只有知识库管理员、督办或管理员可以下线条目。");
        }

        RequireVersion(expectedVersion);
        if (Status == ArticleStatus.Retired)
        {
            throw new DomainException("该条目已下线。");
        }

        Append(ArticleChange.Retired, Latest.Content, actor, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), contentChange: false);
        Status = ArticleStatus.Retired;
    }

    /// <summary>Searchable: published once and not retired. What is found is the published version, not a newer draft.</summary>
    public bool IsLive => PublishedVersion is not null && Status != ArticleStatus.Retired;

    public KnowledgeArticleVersion? Published => PublishedVersion is { } p ? _versions.SingleOrDefault(v => v.Number == p) : null;

    private void Append(ArticleChange change, ArticleContent content, Actor actor, DateTimeOffset now, string? note, bool contentChange = true)
    {
        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainException($"意见不能超过 {MaxNoteLength} 字。");
        }

        Version++;
        _versions.Add(new KnowledgeArticleVersion(Id, Version, change, content, actor.UserName, actor.UserId, now, note));
        Title = content.Title;
        UpdatedAt = now;
        if (contentChange)
        {
            LastEditorName = actor.UserName;
            LastEditorId = actor.UserId;
        }
    }

    private void RequireVersion(int? expected)
    {
        if (expected is { } v && v != Version)
        {
            throw new StaleArticleVersionException(Version, v);
        }
    }

    private void RequireStatus(string action, ArticleStatus status)
    {
        if (Status != status)
        {
            throw new DomainException($"条目当前为“{KnowledgeLabels.Status(Status)}”，不能{action}。");
        }
    }

    private static void RequireEditor(Actor actor)
    {
        if (!actor.IsInRole(Roles.KnowledgeEditor) && !actor.IsInRole(Roles.Admin) && actor.UserId is not null)
        {
            throw new ActorNotPermittedException("只有知识库管理员或管理员可以编写知识条目。");
        }
    }

    private static bool IsSamePerson(Actor actor, Guid? id, string? name) =>
        (actor.UserId is not null && actor.UserId == id) || (actor.UserId is null && id is null && string.Equals(actor.UserName, name, StringComparison.Ordinal));

    private static string? CleanExternalId(string? externalId)
    {
        var value = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (value is { Length: > MaxExternalIdLength })
        {
            throw new DomainException($"外部编号不能超过 {MaxExternalIdLength} 字。");
        }

        return value;
    }
}

/// <summary>The article changed since the caller read it (optimistic concurrency). The API answers 409.</summary>
public sealed class StaleArticleVersionException(int current, int expected)
    : DomainException($"条目已被他人更新（当前版本 {current}，提交的版本 {expected}），请刷新后重试。");

public static class KnowledgeLabels
{
    public static string Status(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.InReview => "待审核",
        ArticleStatus.Published => "已发布",
        ArticleStatus.Retired => "已下线",
        _ => status.ToString(),
    };

    public const string Expired = "已失效";
}
