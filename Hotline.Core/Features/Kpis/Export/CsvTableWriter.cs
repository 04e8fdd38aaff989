using System.Globalization;
using System.Text;

namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends. Text that a
/// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
/// </summary>
public static class CsvTableWriter
{
    public static byte[] Write(TableData table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(c => Escape(c.Header))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select((cell, i) => Escape(Format(cell, table.Columns[i].Kind)))).Append("\r\n");
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static string Format(object? cell, CellKind kind) => cell switch
    {
        null => string.Empty,
        double d when kind == CellKind.Rate => d.ToString("0.####", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Defuse(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
