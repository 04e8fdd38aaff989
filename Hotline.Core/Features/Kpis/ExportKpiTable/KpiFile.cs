namespace Hotline.Core.Features.Kpis.ExportKpiTable;

/// <summary>A file to download, written straight into <c>output</c> as its rows are read.</summary>
public sealed record KpiFile(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);
