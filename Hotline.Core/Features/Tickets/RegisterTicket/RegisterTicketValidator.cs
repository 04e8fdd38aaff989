using FluentValidation;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Reference;

namespace Hotline.Core.Features.Tickets.RegisterTicket;

public sealed class RegisterTicketValidator : AbstractValidator<RegisterTicket>
{
    public RegisterTicketValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.IdempotencyKey).MaximumLength(100).WithName("Idempotency-Key");
        RuleFor(x => x.Body.Channel).NotNull().IsInEnum().OverridePropertyName("channel");
        RuleFor(x => x.Body.Channel).NotEqual(Contracts.Channel.Transfer).OverridePropertyName("channel")
            .WithMessage("转办渠道的工单只能由对接平台转入 (orders of channel Transfer come from peer platforms only).");
        RuleFor(x => x.Body.Type).NotNull().IsInEnum().OverridePropertyName("type");
        RuleFor(x => x.Body.Urgency).NotNull().IsInEnum().OverridePropertyName("urgency");
        RuleFor(x => x.Body.Content).NotEmpty().MaximumLength(Ticket.MaxContentLength).OverridePropertyName("content");
        RuleFor(x => x.Body.CallSid).MaximumLength(64).OverridePropertyName("callSid");
        RuleFor(x => x.Body.CategoryCode).NotEmpty().OverridePropertyName("categoryCode")
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).IsLeafCategory(code!))
            .When(x => !string.IsNullOrEmpty(x.Body.CategoryCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("请选择二级分类目录中存在的分类 (unknown or non-leaf category code).");
        RuleFor(x => x.Body.Citizen!.Name).MaximumLength(100).OverridePropertyName("citizen.name").When(x => x.Body.Citizen is not null);
        RuleFor(x => x.Body.Citizen!.Phone).MaximumLength(32).Matches(@"^[0-9+\-() ]{3,32}$").OverridePropertyName("citizen.phone")
            .When(x => !string.IsNullOrWhiteSpace(x.Body.Citizen?.Phone))
            .WithMessage("电话号码格式不正确。");
        RuleFor(x => x.Body.Location).NotNull().OverridePropertyName("location");
        When(x => x.Body.Suggestion is not null, () =>
        {
            RuleFor(x => x.Body.Suggestion!.ModelId).NotEmpty().OverridePropertyName("suggestion.modelId");
            RuleFor(x => x.Body.Suggestion!.Code).NotEmpty().MaximumLength(32).OverridePropertyName("suggestion.code");
        });
        When(x => x.Body.Location is not null, () =>
        {
            RuleFor(x => x.Body.Location!.DistrictCode).NotEmpty().OverridePropertyName("location.districtCode")
                .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).DistrictsByCode.ContainsKey(code!))
                .When(x => !string.IsNullOrEmpty(x.Body.Location!.DistrictCode), ApplyConditionTo.CurrentValidator)
                .WithMessage("区县代码不存在。");
            RuleFor(x => x.Body.Location!.StreetCode)
                .MustAsync(async (x, code, ct) =>
                {
                    var snapshot = await reference.GetAsync(ct);
                    return snapshot.StreetsByCode.TryGetValue(code!, out var street) && street.DistrictCode == x.Body.Location!.DistrictCode;
                })
                .When(x => !string.IsNullOrWhiteSpace(x.Body.Location!.StreetCode))
                .WithMessage("街道代码不存在或不属于所选区县。").OverridePropertyName("location.streetCode");
            RuleFor(x => x.Body.Location!.Address).MaximumLength(500).OverridePropertyName("location.address");
            RuleFor(x => x.Body.Location!.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("location.latitude");
            RuleFor(x => x.Body.Location!.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("location.longitude");
        });
    }
}
