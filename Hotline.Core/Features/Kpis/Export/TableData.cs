namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// One exported table: a title (the sheet name), columns and rows of cells (string, number, date or null). The rows
/// are read once, while the file is written, so a table can stream from the database without being held in memory.
/// </summary>
public sealed record TableData(string Title, IReadOnlyList<TableColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows);
