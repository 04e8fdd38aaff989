using FluentValidation;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Assist;

/// <summary>The demand text an assist request carries: present, and no longer than an order's content may be.</summary>
public static class AssistTextValidator
{
    public static IRuleBuilderOptions<T, string?> DemandText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请输入诉求内容。")
            .MaximumLength(Ticket.MaxContentLength).WithMessage($"诉求内容不能超过 {Ticket.MaxContentLength} 字。")
            .OverridePropertyName("content");
}
