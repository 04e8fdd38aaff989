using Hotline.Agent.Services;
using Hotline.Contracts;

namespace Hotline.Agent.Shared;

/// <summary>Who does what in the knowledge base (docs/knowledge.md, "Roles and review flow"); the API enforces the same.</summary>
public static class KnowledgeRoles
{
    /// <summary>Writes drafts, submits, retires, handles corrections: 知识库管理员 and admins.</summary>
    public static bool IsEditor(Session session) => session.IsIn(Roles.KnowledgeEditor) || session.IsIn(Roles.Admin);

    /// <summary>Publishes or sends back (never their own drafts): supervisors and admins.</summary>
    public static bool IsReviewer(Session session) => session.IsIn(Roles.Supervisor) || session.IsIn(Roles.Admin);

    /// <summary>Sees working copies, versions, the review queue, gaps.</summary>
    public static bool IsManager(Session session) => IsEditor(session) || IsReviewer(session);
}
