using System.Globalization;
using CsvHelper;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends, written by CsvHelper
/// row by row as the rows are read. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets
/// an apostrophe in front (CsvHelper's injection escape); numbers and dates are never touched.
/// </summary>
public static class CsvTableWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task WriteAsync(TableData table, Stream output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Header);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            for (var i = 0; i < row.Count; i++)
            {
                WriteCell(csv, row[i], table.Columns[i].Kind);
            }

            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private static void WriteCell(CsvWriter csv, object? cell, CellKind kind)
    {
        switch (cell)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case double d:
                csv.WriteField(d, kind == CellKind.Rate ? "0.####" : "0.##", CultureInfo.InvariantCulture);
                break;
            case int i:
                csv.WriteField(i, default, CultureInfo.InvariantCulture);
                break;
            case long l:
                csv.WriteField(l, default, CultureInfo.InvariantCulture);
                break;
            case DateOnly day:
                csv.WriteField(day, "yyyy-MM-dd");
                break;
            case DateTimeOffset at:
                csv.WriteField(ChinaTime.ToChina(at), "yyyy-MM-dd HH:mm");
                break;
            default:
                csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
                break;
        }
    }
}
