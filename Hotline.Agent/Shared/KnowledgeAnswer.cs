using System.Text.RegularExpressions;

namespace Hotline.Agent.Shared;

/// <summary>An article the agent chose to answer with (一键引用): its id, title and the answer text taken from its body.</summary>
public sealed record KnowledgeAnswer(Guid ArticleId, string Title, string Text)
{
    /// <summary>The article's Markdown as plain answer text: headings, emphasis, code marks and link targets dropped.</summary>
    public static string TextOf(string markdown)
    {
        var text = Syntax.Links().Replace(markdown, "$1");
        text = Syntax.Headings().Replace(text, string.Empty);
        text = Syntax.Emphasis().Replace(text, string.Empty);
        return text.Trim();
    }
}

internal static partial class Syntax
{
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    public static partial Regex Links();

    [GeneratedRegex(@"(?m)^\s{0,3}#{1,6}\s*")]
    public static partial Regex Headings();

    [GeneratedRegex(@"\*\*|__|`")]
    public static partial Regex Emphasis();
}
