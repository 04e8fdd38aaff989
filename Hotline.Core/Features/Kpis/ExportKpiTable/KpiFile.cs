using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis.Export;

namespace Hotline.Core.Features.Kpis.ExportKpiTable;

/// <summary>A file to download, written straight into <c>output</c> as its rows are read.</summary>
public sealed record KpiFile(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync)
{
    /// <summary>The table as <c>{name}.xlsx</c> or <c>{name}.csv</c>.</summary>
    public static KpiFile Of(TableData table, string name, ExportFormat format) => format == ExportFormat.Xlsx
        ? new KpiFile(name + ".xlsx", XlsxTableWriter.ContentType, (output, ct) => XlsxTableWriter.WriteAsync(table, output, ct))
        : new KpiFile(name + ".csv", CsvTableWriter.ContentType, (output, ct) => CsvTableWriter.WriteAsync(table, output, ct));
}
