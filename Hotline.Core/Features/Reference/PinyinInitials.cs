using System.Text;

namespace Hotline.Core.Features.Reference;

/// <summary>
/// The pinyin initials of a name (停水 → ts), so an agent finds a category by typing them. GB2312 orders its
/// 3,755 first-level hanzi (the common ones) by pinyin, so each initial is a range of codes there; rarer
/// characters, which GB2312 orders by radical, are left out. A polyphonic character gets its first-listed reading.
/// </summary>
public static class PinyinInitials
{
    // The first GB2312 code of each initial's range (no i, u, v start a syllable); the last range ends at 0xD7F9.
    private static readonly (int Start, char Initial)[] Ranges =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'),
        (0xB9FE, 'h'), (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'),
        (0xC5BE, 'p'), (0xC6DA, 'q'), (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'),
        (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];

    private const int LastFirstLevelCode = 0xD7F9;

    private static readonly Encoding Gb2312 = CreateEncoding();

    public static string Of(string text)
    {
        var initials = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                initials.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c < 0x4E00 || c > 0x9FFF || Gb2312.GetBytes([c], bytes) != 2)
            {
                continue;
            }

            var code = (bytes[0] << 8) | bytes[1];
            if (code < Ranges[0].Start || code > LastFirstLevelCode)
            {
                continue;
            }

            var initial = Ranges[0].Initial;
            foreach (var (start, letter) in Ranges)
            {
                if (code < start)
                {
                    break;
                }

                initial = letter;
            }

            initials.Append(initial);
        }

        return initials.ToString();
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
