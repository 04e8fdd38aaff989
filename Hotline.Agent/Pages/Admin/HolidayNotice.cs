using System.Globalization;
using Hotline.Contracts;
using Hotline.Contracts.Reference;

namespace Hotline.Agent.Pages.Admin;

/// <summary>
/// Reads the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知) pasted as a table, one day or
/// range a line: <c>2026-10-01,休,国庆节</c>, <c>2026-10-01~2026-10-08,休,国庆节</c>, <c>2026-10-10,班</c>
/// (comma, tab or whitespace between the columns; 休/放假/假 for a holiday, 班/上班 for an adjusted working day;
/// the name may be left out). Every line is checked; the errors say which line and why.
/// </summary>
public static class HolidayNotice
{
    public sealed record LineError(int Line, string Text, string Message);

    public static (IReadOnlyList<CalendarDayDto> Days, IReadOnlyList<LineError> Errors) Parse(string text, int year)
    {
        var days = new List<CalendarDayDto>();
        var errors = new List<LineError>();
        var seen = new Dictionary<DateOnly, int>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var number = i + 1;
            var cells = line.Split([',', '，', '\t', ' ', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells.Length < 2)
            {
                errors.Add(new(number, line, "应为「日期,休」或「日期,班」，可再加名称。"));
                continue;
            }

            if (ParseDates(cells[0]) is not { } range)
            {
                errors.Add(new(number, line, $"日期「{cells[0]}」无法识别：请写成 {year}-10-01 或 {year}-10-01~{year}-10-08。"));
                continue;
            }

            if (range.From.Year != year || range.To.Year != year)
            {
                errors.Add(new(number, line, $"日期不在 {year} 年内。"));
                continue;
            }

            CalendarDayKind? kind = cells[1] switch
            {
                "休" or "放假" or "假" or "休息" => CalendarDayKind.Holiday,
                "班" or "上班" or "补班" => CalendarDayKind.Workday,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new(number, line, $"「{cells[1]}」应为 休 或 班。"));
                continue;
            }

            var name = cells.Length > 2 ? string.Join(' ', cells[2..]) : kind == CalendarDayKind.Holiday ? "放假" : "调休上班";
            if (name.Length > 50)
            {
                errors.Add(new(number, line, "名称最长 50 字。"));
                continue;
            }

            for (var date = range.From; date <= range.To; date = date.AddDays(1))
            {
                if (seen.TryGetValue(date, out var earlier))
                {
                    errors.Add(new(number, line, $"{date:yyyy-MM-dd} 已在第 {earlier} 行出现。"));
                    continue;
                }

                seen[date] = number;
                days.Add(new CalendarDayDto(date, kind.Value, name));
            }
        }

        return (days, errors);
    }

    private static (DateOnly From, DateOnly To)? ParseDates(string cell)
    {
        var parts = cell.Split(['~', '至', '—'], StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !TryDate(parts[0], out var from))
        {
            return null;
        }

        var to = from;
        if (parts.Length == 2 && !TryDate(parts[1], out to))
        {
            return null;
        }

        return to < from || to.DayNumber - from.DayNumber > 31 ? null : (from, to);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
