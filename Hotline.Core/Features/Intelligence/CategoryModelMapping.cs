using System.Text.Json;
using Hotline.Contracts.Intelligence;

namespace Hotline.Core.Features.Intelligence;

public static class CategoryModelMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CategoryModelDto ToDto(CategoryModel m) => new(
        m.Id, m.Version, m.Status, m.Samples, m.TestSamples, m.RequestedAt, m.TrainedAt,
        m.EvaluationJson is null ? null : JsonSerializer.Deserialize<ModelEvaluationDto>(m.EvaluationJson, Json),
        m.Active, m.ActivatedAt, m.ActivationNote, m.Error);

    /// <summary>The columns of the list and the GETs, without the model's bytes.</summary>
    public static IQueryable<CategoryModel> WithoutBytes(IQueryable<CategoryModel> query) => query.Select(m => new CategoryModel
    {
        Id = m.Id, Version = m.Version, FormatVersion = m.FormatVersion, Status = m.Status, RequestedBy = m.RequestedBy, RequestedAt = m.RequestedAt,
        TrainedAt = m.TrainedAt, Samples = m.Samples, TestSamples = m.TestSamples, EvaluationJson = m.EvaluationJson, MacroF1 = m.MacroF1,
        Active = m.Active, ActivatedAt = m.ActivatedAt, ActivationNote = m.ActivationNote, Error = m.Error,
    });
}
