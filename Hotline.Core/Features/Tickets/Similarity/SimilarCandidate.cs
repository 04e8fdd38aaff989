using Hotline.Contracts.Tickets;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>An order the index found, with its approximate score (the exact one is taken from the stored text).</summary>
public readonly record struct SimilarCandidate(Guid Id, double ApproximateScore, SimilarPlace Place);
