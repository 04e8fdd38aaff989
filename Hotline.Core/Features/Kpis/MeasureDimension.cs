namespace Hotline.Core.Features.Kpis;

/// <summary>What the measures are grouped by: the accountable (lead) unit, the order's district or its category.</summary>
public enum MeasureDimension { Unit, District, Category }
