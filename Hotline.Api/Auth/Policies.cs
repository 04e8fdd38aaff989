using Hotline.Contracts;

namespace Hotline.Api.Auth;

/// <summary>Who may call what (api.md). A wrong role answers 403; unit scoping is enforced by the handlers (404).</summary>
public static class Policies
{
    public const string Agent = "agent";
    public const string Dispatcher = "dispatcher";
    public const string Department = "department";
    public const string Supervisor = "supervisor";
    public const string Callback = "callback";

    /// <summary>The callback desk's lists (surveys in progress, retries, 不满意原因 counts): callback staff, supervisors, administrators.</summary>
    public const string CallbackDesk = "callback-desk";

    /// <summary>Editing the 回访话术: supervisors and administrators.</summary>
    public const string CallbackManager = "callback-manager";
    public const string Admin = "admin";

    /// <summary>屏蔽, 取消屏蔽 and 打码替换 of attachments: supervisors, and Admins (the only ones who see a hidden file).</summary>
    public const string Redaction = "redaction";

    /// <summary>Who plays call recordings (质检): supervisors and admins; every listen is audited.</summary>
    public const string Recordings = "recordings";
    public const string DepartmentOrSupervisor = "department-or-supervisor";
    public const string AnyStaff = "any-staff";
    public const string Analytics = "analytics";
    public const string AnyUser = "any-user";
    public const string KnowledgeEditor = "knowledge-editor";
    public const string KnowledgeReviewer = "knowledge-reviewer";
    public const string KnowledgeManager = "knowledge-manager";

    /// <summary>Reading the 常用语 and 工单模板: agents, supervisors, administrators.</summary>
    public const string IntakeTemplates = "intake-templates";

    /// <summary>Editing the 常用语 and 工单模板: supervisors and administrators.</summary>
    public const string TemplateManager = "template-manager";

    /// <summary>The 答复模板: units (their own and the centre's), supervisors, administrators.</summary>
    public const string ReplyTemplates = "reply-templates";

    /// <summary>The caller registries (优先来电人 list, 恶意来电 registry): supervisors and administrators.</summary>
    public const string CallerRegistry = "caller-registry";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Agent, p => p.RequireRole(Roles.Agent));
        options.AddPolicy(Dispatcher, p => p.RequireRole(Roles.Agent, Roles.Supervisor));
        options.AddPolicy(Department, p => p.RequireRole(Roles.Department));
        options.AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor));
        options.AddPolicy(Callback, p => p.RequireRole(Roles.Callback));
        options.AddPolicy(CallbackDesk, p => p.RequireRole(Roles.Callback, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(CallbackManager, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Redaction, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Recordings, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(DepartmentOrSupervisor, p => p.RequireRole(Roles.Department, Roles.Supervisor));
        options.AddPolicy(AnyStaff, p => p.RequireRole(Roles.Staff.ToArray()));
        options.AddPolicy(AnyUser, p => p.RequireRole(Roles.All.ToArray()));
        options.AddPolicy(KnowledgeEditor, p => p.RequireRole(Roles.KnowledgeEditor, Roles.Admin));
        options.AddPolicy(KnowledgeReviewer, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(KnowledgeManager, p => p.RequireRole(Roles.KnowledgeEditor, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(IntakeTemplates, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(TemplateManager, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(ReplyTemplates, p => p.RequireRole(Roles.Department, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Analytics, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(CallerRegistry, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
    }
}
