using Hotline.Core.Features.Knowledge.Search;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// What a demand's text is compared by: its CJK characters and their bigrams (停 水 三 天, 停水 水三 三天: the bigrams
/// match the words, the characters keep a paraphrase close, 没水 ~ 停水) and its runs of letters and digits (a house
/// number, a plate, "5g"). Each is an <see cref="int"/> key, so an order costs a few hundred bytes in the index: a
/// CJK bigram is its two UTF-16 units side by side and a character is itself in the high half (exact, no
/// collisions); a letter/digit run is an FNV-1a hash folded below the CJK range, so the kinds never collide.
/// The text is width-folded and lower-cased first (<see cref="ChineseText.Normalize"/>).
/// </summary>
public static class DemandShingles
{
    /// <summary>Letter/digit keys live in [0x01000000, 0x34000000): below every CJK key (whose high half is ≥ 0x3400).</summary>
    private const uint AlnumBase = 0x0100_0000;
    private const uint AlnumSpan = 0x3300_0000;

    /// <summary>The distinct keys of the text, sorted.</summary>
    public static int[] Of(string? text)
    {
        var normalized = ChineseText.Normalize(text);
        var keys = new HashSet<int>();
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (ChineseText.IsCjk(c))
            {
                var start = i;
                while (i < normalized.Length && ChineseText.IsCjk(normalized[i]))
                {
                    i++;
                }

                for (var j = start; j < i; j++)
                {
                    keys.Add(Key(normalized[j], '\0'));
                }

                for (var j = start; j + 1 < i; j++)
                {
                    keys.Add(Key(normalized[j], normalized[j + 1]));
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                var hash = 2166136261u;
                while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]) && !ChineseText.IsCjk(normalized[i]))
                {
                    hash = unchecked((hash ^ normalized[i]) * 16777619u);
                    i++;
                }

                keys.Add(unchecked((int)(AlnumBase + (hash % AlnumSpan))));
            }
            else
            {
                i++;
            }
        }

        var result = keys.ToArray();
        Array.Sort(result);
        return result;
    }

    private static int Key(char first, char second) => unchecked((int)(((uint)first << 16) | second));
}
