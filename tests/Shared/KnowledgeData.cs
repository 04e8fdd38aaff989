namespace Hotline.TestSupport;

/// <summary>
/// The knowledge test data of the shared folder beside the repository (<c>../shared/data/knowledge</c>): found by
/// walking up from the build output, so it works from a worktree, a clone or CI's copy.
/// <c>HOTLINE_KNOWLEDGE_DATA</c> names the folder explicitly.
/// </summary>
public static class KnowledgeData
{
    public const string Variable = "HOTLINE_KNOWLEDGE_DATA";

    public static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "articles.jsonl")) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "knowledge");
            if (File.Exists(Path.Combine(candidate, "articles.jsonl")))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string SkipReason => $"../shared/data/knowledge/articles.jsonl not found above {AppContext.BaseDirectory} (set {Variable} to its folder)";
}
