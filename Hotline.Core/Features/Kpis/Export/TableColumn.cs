namespace Hotline.Core.Features.Kpis.Export;

/// <summary>A column of an exported table: its header and how its cells are written.</summary>
public sealed record TableColumn(string Header, CellKind Kind = CellKind.Text);
