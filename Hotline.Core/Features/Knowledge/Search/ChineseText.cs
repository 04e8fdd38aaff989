using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// The two analyses of the knowledge index: SmartCn words (楼上/半夜/住房/公积金) without the function words of
/// spoken Chinese, and CJK character bigrams, the fallback that still matches when segmentation or a slip of the
/// pen splits a word differently in the query than in the article.
/// </summary>
public static class ChineseText
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Words that say how someone asks, not what they ask about. Kept out of both the index and the query so
    /// that 我想问一下怎么办 matches nothing rather than every article.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "噢", "哈", "么", "着", "过", "得", "地",
        "我", "我们", "你", "你们", "您", "他", "她", "它", "他们", "她们", "咱", "咱们", "自己", "人家",
        "是", "在", "有", "和", "与", "跟", "及", "或", "或者", "还是", "就", "都", "也", "还", "又", "才", "再",
        "要", "想", "能", "会", "可", "可以", "能不能", "可不可以", "是不是", "有没有", "应该", "需要不需要",
        "怎么", "怎么办", "怎样", "怎么样", "如何", "什么", "啥", "哪", "哪里", "哪儿", "哪个", "哪些", "为什么", "多少", "几",
        "这", "那", "这个", "那个", "这些", "那些", "这边", "那边", "这里", "那里", "这样", "那样",
        "一下", "一个", "个", "请问", "问", "问一下", "请", "麻烦", "谢谢", "你好", "您好", "老师", "一直", "现在", "已经", "听说", "知道",
        "把", "被", "给", "让", "对", "从", "向", "到", "为", "以", "于", "等", "等等", "呗", "嗯", "啦", "么样",
        "a", "an", "the", "of", "to", "and", "or", "is", "in",
    };

    /// <summary>
    /// The words above plus SmartCn's own default stop set, which is its punctuation: a custom set replaces the
    /// default, and without it every comma of a query (，、：) matched every article.
    /// </summary>
    private static readonly CharArraySet LuceneStopWords = CreateStopSet();

    private static CharArraySet CreateStopSet()
    {
        var set = new CharArraySet(Version, StopWords.ToList(), ignoreCase: true);
        set.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        return set;
    }

    /// <summary>SmartCn with the stop words above. Thread-safe: Lucene analyzers reuse per-thread components.</summary>
    public static Analyzer CreateWordAnalyzer() => new SmartChineseAnalyzer(Version, LuceneStopWords);

    /// <summary>CJK bigrams (single characters where a run has only one), width-folded and lower-cased.</summary>
    public static Analyzer CreateBigramAnalyzer() => new CJKAnalyzer(Version, CharArraySet.Empty);

    /// <summary>Full-width to half-width, compatibility forms folded, lower case, whitespace collapsed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when the text holds a letter, digit or CJK character: a query of punctuation alone finds nothing.</summary>
    public static bool HasSearchableText(string text) => text.Any(c => char.IsLetterOrDigit(c) || IsCjk(c));

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The terms an analyzer makes of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>The maximal runs of CJK characters in the text (where homophone slips are looked for).</summary>
    public static IEnumerable<string> CjkRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var cjk = i < text.Length && IsCjk(text[i]);
            if (cjk && start < 0)
            {
                start = i;
            }
            else if (!cjk && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
