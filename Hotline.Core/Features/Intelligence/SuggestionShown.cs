using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Intelligence;

/// <summary>The suggestion an agent saw while registering, checked (the model must exist) and turned into its row beside the order.</summary>
public sealed record SuggestionShown(Guid ModelId, string Code)
{
    public static async Task<SuggestionShown?> CheckAsync(HotlineDbContext db, CategorySuggestionDto? shown, CancellationToken ct)
    {
        if (shown is not { ModelId: { } modelId, Code: { } code })
        {
            return null;
        }

        if (!await db.Set<CategoryModel>().AnyAsync(m => m.Id == modelId, ct))
        {
            throw new ValidationException([new ValidationFailure("suggestion.modelId", $"分类模型 {modelId} 不存在。")]);
        }

        return new SuggestionShown(modelId, code.Trim());
    }

    public CategorySuggestion For(Ticket ticket, DateTimeOffset now) => new()
    {
        TicketId = ticket.Id,
        ModelId = ModelId,
        SuggestedCode = Code,
        ChosenCode = ticket.CategoryCode,
        At = now,
        Day = ChinaTime.DateOf(now),
    };
}
