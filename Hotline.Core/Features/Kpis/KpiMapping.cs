using Hotline.Contracts.Kpis;

namespace Hotline.Core.Features.Kpis;

internal static class KpiMapping
{
    public static T Copy<T>(MeasureFigures from, T to)
        where T : MeasureFigures
    {
        foreach (var property in typeof(MeasureFigures).GetProperties())
        {
            property.SetValue(to, property.GetValue(from));
        }

        return to;
    }
}
