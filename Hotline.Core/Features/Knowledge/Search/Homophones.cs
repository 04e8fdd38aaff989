using System.Reflection;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// Toneless Mandarin readings of the common CJK block, folded the way callers and typists confuse them (z/zh,
/// c/ch, s/sh, n/l, an/ang, en/eng, in/ing): 公积经 and 公基金 both sound like 公积金, 医报 like 医保, 养苟 like 养狗.
/// Used to correct a slip against the words the index really holds, never to invent words.
/// </summary>
public sealed class Homophones
{
    /// <summary>How many reading combinations a polyphonic word may expand to before the rest are ignored.</summary>
    private const int MaxKeys = 8;

    private readonly Dictionary<char, string[]> _readings;

    private Homophones(Dictionary<char, string[]> readings) => _readings = readings;

    public static Homophones Shared { get; } = Load();

    /// <summary>The folded sound keys of a word (one per reading combination, at most <see cref="MaxKeys"/>); empty when a character has no known reading.</summary>
    public IReadOnlyList<string> Keys(string word)
    {
        var keys = new List<string> { string.Empty };
        foreach (var c in word)
        {
            if (!_readings.TryGetValue(c, out var readings))
            {
                return [];
            }

            var next = new List<string>(Math.Min(MaxKeys, keys.Count * readings.Length));
            foreach (var prefix in keys)
            {
                foreach (var reading in readings)
                {
                    if (next.Count < MaxKeys)
                    {
                        next.Add(prefix.Length == 0 ? reading : prefix + "-" + reading);
                    }
                }
            }

            keys = next;
        }

        return keys;
    }

    public bool SoundAlike(char a, char b) =>
        a == b || (_readings.TryGetValue(a, out var x) && _readings.TryGetValue(b, out var y) && x.Intersect(y, StringComparer.Ordinal).Any());

    /// <summary>z/zh, c/ch, s/sh, l→n, ang→an, eng→en, ing→in (the confusions of southern speech and of pinyin typing).</summary>
    public static string Fold(string syllable)
    {
        var s = syllable;
        if (s.StartsWith("zh", StringComparison.Ordinal) || s.StartsWith("ch", StringComparison.Ordinal) || s.StartsWith("sh", StringComparison.Ordinal))
        {
            s = s[0] + s[2..];
        }
        else if (s.StartsWith('l'))
        {
            s = "n" + s[1..];
        }

        if (s.EndsWith("ng", StringComparison.Ordinal) && s.Length > 2 && s[^3] is 'a' or 'e' or 'i')
        {
            s = s[..^1];
        }

        return s;
    }

    private static Homophones Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hotline.Core.knowledge-pinyin.txt")
            ?? throw new InvalidOperationException("The pinyin table is missing from Hotline.Core.");
        using var reader = new StreamReader(stream);
        var readings = new Dictionary<char, List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var syllable = Fold(line[..space]);
            foreach (var c in line.AsSpan(space + 1))
            {
                if (!readings.TryGetValue(c, out var list))
                {
                    readings[c] = list = [];
                }

                if (!list.Contains(syllable))
                {
                    list.Add(syllable);
                }
            }
        }

        return new Homophones(readings.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
