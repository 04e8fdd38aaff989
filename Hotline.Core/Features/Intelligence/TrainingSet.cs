using Hotline.Contracts;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// The orders a model learns from: closed ones (own and imported) with their final category, leaving out the
/// invalid ones and merged duplicates, newest first up to a limit, each featurized once. An order is held out for
/// the evaluation by its id, so the split is the same from one model to the next and the active model can be scored
/// on the new model's held-out orders without having seen them.
/// </summary>
public sealed record TrainingSet(IReadOnlyList<CategorySample> Train, IReadOnlyList<CategorySample> Test)
{
    public static bool IsHeldOut(Guid id, double share)
    {
        var bytes = id.ToByteArray();
        return ((bytes[0] << 8) | bytes[1]) % 10_000 < share * 10_000;
    }

    public static IQueryable<Domain.Tickets.Ticket> Usable(HotlineDbContext db) => db.Tickets.AsNoTracking()
        .Where(t => t.Status == TicketStatus.Closed && t.CloseReason != CloseReason.Invalid && t.CloseReason != CloseReason.Duplicate && t.CloseReason != CloseReason.Split && t.CloseReason != CloseReason.TransferredOut);

    public static async Task<TrainingSet> LoadAsync(HotlineDbContext db, IntelligenceOptions options, CancellationToken ct)
    {
        var known = await db.Categories.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        var (train, test) = (new List<CategorySample>(), new List<CategorySample>());
        var rows = Usable(db).Where(t => known.Contains(t.CategoryCode))
            // The id breaks ties (imported orders often share a close time): SDCA reads the orders in this order, and the
            // same orders must give the same model.
            .OrderByDescending(t => t.ClosedAt).ThenBy(t => t.Id)
            .Take(options.MaxSamples)
            .Select(t => new { t.Id, t.Content, t.CategoryCode })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var sample = new CategorySample(row.Content, row.CategoryCode);
            (IsHeldOut(row.Id, options.HoldOutShare) ? test : train).Add(sample);
        }

        return new TrainingSet(train, test);
    }

    public static List<(string Actual, string Predicted)> Score(CategoryClassifier classifier, IReadOnlyList<CategorySample> test) =>
        test.Select(s => (s.Label, classifier.Predict(s.Text)[0].Code)).ToList();
}
