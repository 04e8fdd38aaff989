namespace Hotline.Core.Features.Kpis.Export;

/// <summary>How a cell is written: text, a whole number, a 0–1 rate (shown as a percentage) or a decimal.</summary>
public enum CellKind { Text, Integer, Rate, Decimal }
