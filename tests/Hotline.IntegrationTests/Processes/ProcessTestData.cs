using Hotline.Contracts;
using Hotline.Contracts.Tickets;

namespace Hotline.IntegrationTests.Processes;

/// <summary>What the process and operations tests register, and the SQLite folder a test's API process owns.</summary>
internal static class ProcessTestData
{
    public static RegisterTicketRequest WaterComplaint(string? content = null) => new(
        Channel.Phone,
        TicketType.Complaint,
        "sw-ts",
        Urgency.Normal,
        new CitizenDto("测试市民", "13812345678", false),
        new LocationDto("dc", "dc-dhm", "东华门大街1号", null, null),
        content ?? "停水了 " + Guid.NewGuid().ToString("N"),
        null);
}

/// <summary>A fresh folder for an API process's embedded SQLite database, deleted afterwards.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hotline-proc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
