using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary><c>Intelligence:Similar</c> section: the similar-demand look-up (docs/intelligence.md "Similar demands").</summary>
public sealed class SimilarityOptions
{
    public const string Section = "Intelligence:Similar";

    /// <summary>The lowest score shown as "says the same thing".</summary>
    [Range(0.05, 1.0)]
    public double MinScore { get; set; } = 0.2;

    /// <summary>The lowest score that puts two open orders in one cluster (stricter: a cluster is a merge proposal).</summary>
    [Range(0.05, 1.0)]
    public double ClusterMinScore { get; set; } = 0.35;

    /// <summary>The longest look-back of <c>days</c> for similar orders.</summary>
    [Range(1, 3650)]
    public int MaxDays { get; set; } = 365;

    /// <summary>The longest look-back of <c>days</c> for clusters.</summary>
    [Range(1, 366)]
    public int MaxClusterDays { get; set; } = 31;

    /// <summary>Open orders looked at for clusters at most (the newest); more is reported as truncated.</summary>
    [Range(100, 1_000_000)]
    public int MaxClusterOrders { get; set; } = 20_000;

    /// <summary>A shingle held by more than this share of the orders is not scanned (it weighs little).</summary>
    [Range(0.001, 1.0)]
    public double CommonShare { get; set; } = 0.05;

    /// <summary>How often the node's index polls the change log for changes made on other nodes (its own apply at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A change-log sequence number still missing after this long is taken as a rolled-back transaction.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
