namespace Hotline.Contracts;

public static class Roles
{
    public const string Agent = "Agent";
    public const string Department = "Department";
    public const string Supervisor = "Supervisor";
    public const string Callback = "Callback";
    public const string Admin = "Admin";

    /// <summary>知识库管理员: writes and submits knowledge articles, maintains synonyms, imports.</summary>
    public const string KnowledgeEditor = "KnowledgeEditor";

    /// <summary>The roles that handle orders (and may read them, scoped by unit for departments).</summary>
    public static readonly IReadOnlyList<string> Staff = [Agent, Department, Supervisor, Callback, Admin];

    /// <summary>Every role an account can hold: the order-handling staff and the knowledge editors, who do not read orders.</summary>
    public static readonly IReadOnlyList<string> All = [.. Staff, KnowledgeEditor];
}
