using System.Globalization;
using Hotline.Domain.Common;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// One Office Open XML sheet written by MiniExcel as the rows are read: a frozen, filtered header row, rates as
/// percentages, decimals with two places; opens in Excel and LibreOffice with the Chinese intact.
/// </summary>
public static class XlsxTableWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(TableData table, Stream output, CancellationToken ct)
    {
        // MiniExcel closes the zip with synchronous writes, which an ASP.NET Core response body refuses: the sheet is
        // written to a temporary file (deleted on close) and copied, so memory stays flat however many rows there are.
        var path = Path.Combine(Path.GetTempPath(), $"hotline-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(
            path,
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. table.Columns.DistinctBy(c => c.Header, StringComparer.OrdinalIgnoreCase).Select(Column)],
            EnableWriteNullValueCell = false,
            FreezeRowCount = 1,
        };
        await using (var rows = new TableDataReader(table, ct))
        {
            await file.SaveAsAsync(rows, printHeader: true, SheetName(table.Title), ExcelType.XLSX, configuration, ct);
        }

        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private static DynamicExcelColumn Column(TableColumn column) => new(column.Header)
    {
        Width = column.Kind == CellKind.Text ? 24 : 12,
        Format = column.Kind switch
        {
            CellKind.Rate => "0.00%",
            CellKind.Decimal => "0.00",
            _ => null,
        },
    };

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray()).Trim('\'');
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    /// <summary>
    /// The rows as the data reader MiniExcel streams from: one row in hand at a time, and the header from the
    /// columns even when there is no row. Dates and instants become China-time text, as in the CSV.
    /// </summary>
    private sealed class TableDataReader(TableData table, CancellationToken ct) : MiniExcelDataReaderBase
    {
        private readonly IAsyncEnumerator<IReadOnlyList<object?>> _rows = table.Rows.GetAsyncEnumerator(ct);

        public override int FieldCount => table.Columns.Count;

        public override string GetName(int i) => table.Columns[i].Header;

        public override object GetValue(int i) => _rows.Current[i] switch
        {
            null => null!,
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset at => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            int or long or double or decimal or string => _rows.Current[i]!,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        public override bool Read() =>
            throw new NotSupportedException("The export is written with SaveAsAsync, which reads the rows asynchronously.");

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken = default) => await _rows.MoveNextAsync();

        public override async ValueTask DisposeAsync()
        {
            await _rows.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
