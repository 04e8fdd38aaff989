using Hotline.Contracts.Intelligence;

namespace Hotline.Core.Features.Intelligence;

/// <summary>Accuracy, per-category precision/recall/F1 and macro-F1 (the plain mean of the F1 of the categories present in the test set).</summary>
public static class ModelEvaluator
{
    public static ModelEvaluationDto Evaluate(IReadOnlyList<(string Actual, string Predicted)> results)
    {
        if (results.Count == 0)
        {
            return new ModelEvaluationDto(0, 0, []);
        }

        var codes = results.Select(r => r.Actual).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var perCategory = codes.Select(code =>
        {
            var tp = results.Count(r => r.Actual == code && r.Predicted == code);
            var predicted = results.Count(r => r.Predicted == code);
            var support = results.Count(r => r.Actual == code);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new CategoryScoreDto(code, Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), support);
        }).ToList();
        var accuracy = (double)results.Count(r => r.Actual == r.Predicted) / results.Count;
        var macro = perCategory.Average(c => c.F1);
        return new ModelEvaluationDto(Math.Round(accuracy, 4), Math.Round(macro, 4), perCategory);
    }
}
