using Ganss.Xss;
using Markdig;

namespace Hotline.Core.Features.Knowledge;

/// <summary>
/// Article bodies are Markdown. Raw HTML in them is not passed through (Markdig's DisableHtml), and what Markdig
/// makes is sanitized again (HtmlSanitizer: no script, no event handlers, no javascript: links), so a body can
/// never run script where it is shown.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The text of the body without Markdown syntax: what the index holds and snippets quote.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "tel"]);
        return sanitizer;
    }
}
