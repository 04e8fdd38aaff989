namespace Hotline.Core.Features.Kpis.ExportKpiTable;

/// <summary>A file to download.</summary>
public sealed record KpiFile(string FileName, string ContentType, byte[] Content);
