using System.Net;
using System.Text;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// The search result's snippet: the stretch of the body where most of the query's different words meet, the
/// words in &lt;mark&gt; and everything else HTML-escaped, so the snippet can be shown as HTML and an article's
/// own markup never is.
/// </summary>
public static class Snippets
{
    private const string Ellipsis = "…";

    public static string Build(string body, IReadOnlyList<(int Start, int End, string Word)> matches, int length)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var spans = matches.Where(m => m.Start >= 0 && m.End <= body.Length && m.End > m.Start).OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
        var start = spans.Count == 0 ? 0 : BestWindowStart(body, spans, length);
        var end = Math.Min(body.Length, start + length);

        var builder = new StringBuilder(length + 64);
        if (start > 0)
        {
            builder.Append(Ellipsis);
        }

        var cursor = start;
        foreach (var (spanStart, spanEnd, _) in spans)
        {
            if (spanStart < cursor || spanEnd > end)
            {
                continue;
            }

            var stop = spanEnd;
            builder.Append(WebUtility.HtmlEncode(body[cursor..spanStart]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(body[spanStart..stop])).Append("</mark>");
            cursor = stop;
        }

        builder.Append(WebUtility.HtmlEncode(body[cursor..end]));
        if (end < body.Length)
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    /// <summary>The window start covering the most distinct words, moved back to the start of its sentence when that is near.</summary>
    private static int BestWindowStart(string body, List<(int Start, int End, string Word)> spans, int length)
    {
        var best = (Distinct: -1, Total: -1, Start: 0);
        for (var i = 0; i < spans.Count; i++)
        {
            var windowEnd = spans[i].Start + length;
            var words = new HashSet<string>(StringComparer.Ordinal);
            var total = 0;
            for (var j = i; j < spans.Count && spans[j].End <= windowEnd; j++)
            {
                words.Add(spans[j].Word);
                total++;
            }

            if (words.Count > best.Distinct || (words.Count == best.Distinct && total > best.Total))
            {
                best = (words.Count, total, spans[i].Start);
            }
        }

        var sentence = best.Start;
        var limit = Math.Max(0, best.Start - (length / 4));
        while (sentence > limit && !IsSentenceEnd(body[sentence - 1]))
        {
            sentence--;
        }

        return sentence > limit || sentence == 0 || IsSentenceEnd(body[sentence - 1]) ? sentence : best.Start;
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '；' or '！' or '？' or '\n' or '.' or ';' or '!' or '?' or '：' or '，';
}
