namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>
/// The weights of the ranking (docs/knowledge.md "Ranking"), tuned on the development queries and kept in one
/// place so that a change to one of them is a change measured by the accuracy benchmark.
/// </summary>
public sealed record KnowledgeRanking
{
    public static KnowledgeRanking Default { get; } = new();

    public float TitleBoost { get; init; } = 3f;

    public float KeywordBoost { get; init; } = 2.5f;

    public float BodyBoost { get; init; } = 1f;

    /// <summary>The character-bigram fallback relative to whole words.</summary>
    public float BigramWeight { get; init; } = 0.35f;

    /// <summary>A word found through a synonym group relative to the caller's own word.</summary>
    public float SynonymWeight { get; init; } = 0.7f;

    /// <summary>A word put in place of a homophone slip (公积经 → 公积金).</summary>
    public float CorrectionWeight { get; init; } = 0.8f;

    /// <summary>Added when the article is filed under the category the agent already picked (or its group).</summary>
    public float CategoryBoost { get; init; } = 1.5f;

    public int SnippetLength { get; init; } = 90;
}
