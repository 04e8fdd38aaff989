using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using MediatR;

namespace Hotline.Core.Features.Citizens.SubmitPublicRequest;

/// <summary>The public form: a citizen's submission becomes a <c>Registered</c> web order with a tracking code.</summary>
public sealed record SubmitPublicRequest(PublicSubmissionRequest Body, string? IdempotencyKey) : IRequest<CitizenIntakeResult>;

public sealed class SubmitPublicRequestValidator : AbstractValidator<SubmitPublicRequest>
{
    public SubmitPublicRequestValidator()
    {
        RuleFor(x => x.IdempotencyKey).MaximumLength(CitizenIntake.MaxIdempotencyKeyLength).WithName("Idempotency-Key");
        RuleFor(x => x.Body.Type).IsInEnum().OverridePropertyName("type");
    }
}

public sealed class SubmitPublicRequestHandler(HotlineDbContext db, IValidator<RegisterTicket> validator, TicketNumberAllocator numbers, TimeProvider time, IEnumerable<ISubmissionPhoneLimit> phoneLimits)
    : IRequestHandler<SubmitPublicRequest, CitizenIntakeResult>
{
    public Task<CitizenIntakeResult> Handle(SubmitPublicRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;

        // The centre sets channel and urgency; an agent reviews both before dispatching.
        var order = new RegisterTicketRequest(Channel.Web, body.Type ?? TicketType.Complaint, body.CategoryCode, Urgency.Normal, body.Citizen, body.Location, body.Content, null);
        var key = request.IdempotencyKey is { } k ? $"web:{k}" : null;
        return CitizenIntake.SubmitAsync(db, validator, numbers, time, order, key, CitizenSource.Web(), cancellationToken, phoneLimits.FirstOrDefault());
    }
}
