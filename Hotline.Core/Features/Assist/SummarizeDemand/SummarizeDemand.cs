using FluentValidation;
using Hotline.Contracts.Assist;
using MediatR;

namespace Hotline.Core.Features.Assist.SummarizeDemand;

/// <summary>一句话概括: a suggested one-line summary of a (long) demand. Nothing is saved.</summary>
public sealed record SummarizeDemand(string? Content) : IRequest<AssistSummaryDto>;

public sealed class SummarizeDemandValidator : AbstractValidator<SummarizeDemand>
{
    public SummarizeDemandValidator() => RuleFor(x => x.Content).DemandText();
}

public sealed class SummarizeDemandHandler(AssistChat chat) : IRequestHandler<SummarizeDemand, AssistSummaryDto>
{
    public const int MaxLength = 100;

    private const string Instructions =
        "你是12345政务服务便民热线的受理助手。请把市民的诉求概括为一句话（不超过40个字），写清地点、问题和诉求，"
        + "不要添加原文没有的信息，不要解释，只输出这一句话。";

    public async Task<AssistSummaryDto> Handle(SummarizeDemand request, CancellationToken cancellationToken)
    {
        var answer = await chat.CompleteAsync(Instructions, request.Content!.Trim(), cancellationToken);
        var line = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? answer;
        line = line.Trim('"', '“', '”', '「', '」', ' ');
        return new AssistSummaryDto(line.Length > MaxLength ? line[..MaxLength] : line, chat.Model!);
    }
}
