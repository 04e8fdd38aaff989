namespace Hotline.Contracts.Privacy;

/// <summary>Body of <c>POST /api/admin/citizens/anonymise</c>: the citizen's phone; <c>Force</c> also clears open orders.</summary>
public sealed record AnonymiseCitizenRequest(string Phone, bool Force = false);

/// <summary>What was removed: records changed per store (<c>orders</c>, <c>calls</c>, …) and the orders' numbers.</summary>
public sealed record AnonymiseCitizenResult(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Numbers);
