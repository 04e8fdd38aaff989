namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>What a <see cref="KpiCount"/> row is keyed by besides its day.</summary>
public enum KpiDimension { Unit, District, Category, Channel, Type, StreetCategory }
