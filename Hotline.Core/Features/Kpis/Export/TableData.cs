namespace Hotline.Core.Features.Kpis.Export;

/// <summary>How a cell is written: text, a whole number, a 0–1 rate (shown as a percentage) or a decimal.</summary>
public enum CellKind { Text, Integer, Rate, Decimal }

public sealed record TableColumn(string Header, CellKind Kind = CellKind.Text);

/// <summary>
/// One exported table: a title (the sheet name), columns and rows of cells (string, number, date or null). The rows
/// are read once, while the file is written, so a table can stream from the database without being held in memory.
/// </summary>
public sealed record TableData(string Title, IReadOnlyList<TableColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows);
