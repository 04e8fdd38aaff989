namespace Hotline.Core.Jobs;

public enum JobStorage { InMemory, Database }

/// <summary>Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// <c>InMemory</c> (default): per process and not durable; the sweep rebuilds everything from the database
    /// after a restart. <c>Database</c>: Hangfire's tables in schema <c>hangfire</c> of the PostgreSQL or SQL
    /// Server database, shared by the API and every worker.
    /// </summary>
    public JobStorage Storage { get; set; } = JobStorage.InMemory;

    /// <summary>Run the job server inside the API. Default: true with in-memory storage, false with the database's.</summary>
    public bool? RunServerInProcess { get; set; }

    public bool ShouldRunServerInProcess => RunServerInProcess ?? Storage == JobStorage.InMemory;

    /// <summary>How often servers look for due scheduled and recurring jobs.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int WorkerCount { get; set; } = 4;
}
