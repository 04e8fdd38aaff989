using System.Text;
using System.Text.Json;
using FluentValidation;
using Hotline.Contracts.Assist;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Assist.ExtractPlace;

/// <summary>
/// 地点识别: the district, street and address the text names, suggested by the model from the place catalogue and
/// checked against it (an unknown code, or a street outside the district, is dropped). Nothing is saved.
/// </summary>
public sealed record ExtractPlace(string? Content) : IRequest<AssistPlaceDto>;

public sealed class ExtractPlaceValidator : AbstractValidator<ExtractPlace>
{
    public ExtractPlaceValidator() => RuleFor(x => x.Content).DemandText();
}

public sealed class ExtractPlaceHandler(AssistChat chat, ReferenceDataCache reference) : IRequestHandler<ExtractPlace, AssistPlaceDto>
{
    public const int MaxAddressLength = 200;

    public async Task<AssistPlaceDto> Handle(ExtractPlace request, CancellationToken cancellationToken)
    {
        var snapshot = await reference.GetAsync(cancellationToken);
        var catalogue = new StringBuilder();
        foreach (var entry in snapshot.Districts)
        {
            catalogue.Append(entry.Code).Append(' ').Append(entry.Name).Append('：');
            catalogue.AppendJoin('、', snapshot.StreetsByCode.Values.Where(s => s.DistrictCode == entry.Code).Select(s => $"{s.Code} {s.Name}"));
            catalogue.Append('\n');
        }

        var instructions =
            "你是12345政务服务便民热线的受理助手。请从市民的诉求中找出事发地点，只能使用下面目录中的代码：\n" + catalogue
            + "只输出一个JSON对象，不要其他文字：{\"districtCode\": 区县代码或null, \"streetCode\": 街道代码或null, \"address\": 详细地址或null}。"
            + "原文没有写明的不要猜。";
        var answer = await chat.CompleteAsync(instructions, request.Content!.Trim(), cancellationToken);
        var (districtCode, streetCode, address) = Parse(answer);

        var street = streetCode is not null && snapshot.StreetsByCode.TryGetValue(streetCode, out var found) ? found : null;
        var district = districtCode is not null && snapshot.DistrictsByCode.TryGetValue(districtCode, out var named) ? named
            : snapshot.Districts.FirstOrDefault(x => x.Name == districtCode);
        if (street is not null && district is not null && street.DistrictCode != district.Code)
        {
            street = null; // a street of another district: the district the text names wins
        }

        district ??= street is not null ? snapshot.DistrictsByCode[street.DistrictCode] : null;
        address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        return new AssistPlaceDto(
            district?.Code, district?.Name, street?.Code, street?.Name,
            address is { Length: > MaxAddressLength } ? address[..MaxAddressLength] : address,
            chat.Model!);
    }

    /// <summary>The first JSON object in the answer (models like to wrap it in ```json fences).</summary>
    private static (string? District, string? Street, string? Address) Parse(string answer)
    {
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            throw new ModelFailedException("大模型的答复中没有地点信息（不是JSON），请手工选择地点。(The model's answer was not the JSON asked for.)");
        }

        try
        {
            using var json = JsonDocument.Parse(answer[start..(end + 1)]);
            return (Text(json.RootElement, "districtCode"), Text(json.RootElement, "streetCode"), Text(json.RootElement, "address"));
        }
        catch (JsonException e)
        {
            throw new ModelFailedException("大模型的答复无法解析，请手工选择地点。(The model's answer was not valid JSON.)", e);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
