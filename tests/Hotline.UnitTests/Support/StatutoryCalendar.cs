using Hotline.Core.Data.Seeding;
using Hotline.Domain.Calendar;

namespace Hotline.UnitTests.Support;

/// <summary>The 2025–2026 statutory calendar shipped in Hotline.Core, loaded once from its embedded resource.</summary>
internal static class StatutoryCalendar
{
    private static readonly Lazy<WorkingCalendar> Calendar = new(() => new WorkingCalendar(DatabaseInitializer.LoadStatutoryCalendar()));

    public static WorkingCalendar Instance => Calendar.Value;
}
