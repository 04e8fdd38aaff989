using Hotline.Contracts.Assist;
using MediatR;

namespace Hotline.Core.Features.Assist.GetAssistStatus;

/// <summary>Is the large-model assist on, with which model.</summary>
public sealed record GetAssistStatus : IRequest<AssistStatusDto>;

public sealed class GetAssistStatusHandler(AssistChat chat) : IRequestHandler<GetAssistStatus, AssistStatusDto>
{
    public Task<AssistStatusDto> Handle(GetAssistStatus request, CancellationToken cancellationToken) =>
        Task.FromResult(new AssistStatusDto(chat.Enabled, chat.Model));
}
