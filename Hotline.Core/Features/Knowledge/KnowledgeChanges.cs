using Hotline.Core.Data;
using Hotline.Domain.Knowledge;

namespace Hotline.Core.Features.Knowledge;

/// <summary>Rows of the change log, added in the same save as the change they describe (null article: the synonyms changed).</summary>
public static class KnowledgeChanges
{
    public static void Record(HotlineDbContext db, Guid? articleId, DateTimeOffset at) =>
        db.Set<KnowledgeChange>().Add(new KnowledgeChange { ArticleId = articleId, At = at });
}
