namespace Hotline.Core.Data.Seeding;

/// <summary>Bound from the configuration root: <c>Demo:Seed</c>, <c>Demo:Knowledge</c>, <c>Bootstrap:AdminUserName</c>, <c>Bootstrap:AdminPassword</c>.</summary>
public sealed class SeedOptions
{
    public DemoSection Demo { get; set; } = new();

    public BootstrapSection Bootstrap { get; set; } = new();

    public sealed class DemoSection
    {
        /// <summary>Seed the demo city, orders and accounts. Null: on for the embedded SQLite default only.</summary>
        public bool? Seed { get; set; }

        /// <summary>With the demo city, its knowledge base (DemoKnowledge). Off for a centre that imports its own into a demo instance.</summary>
        public bool Knowledge { get; set; } = true;
    }

    public sealed class BootstrapSection
    {
        public string? AdminUserName { get; set; }

        public string? AdminPassword { get; set; }
    }
}
