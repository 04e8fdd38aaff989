using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Citizens.SubmitPublicRequest;

/// <summary>
/// The public form: a citizen's submission becomes a <c>Registered</c> web order with a tracking code. <paramref name="Files"/>
/// are the photos and documents sent with it, already spooled by the endpoint (which disposes them).
/// </summary>
public sealed record SubmitPublicRequest(PublicSubmissionRequest Body, string? IdempotencyKey, IReadOnlyList<SpooledFile>? Files = null) : IRequest<CitizenIntakeResult>;

public sealed class SubmitPublicRequestValidator : AbstractValidator<SubmitPublicRequest>
{
    public SubmitPublicRequestValidator()
    {
        RuleFor(x => x.IdempotencyKey).MaximumLength(CitizenIntake.MaxIdempotencyKeyLength).WithName("Idempotency-Key");
        RuleFor(x => x.Body.Type).IsInEnum().OverridePropertyName("type");
    }
}

public sealed class SubmitPublicRequestHandler(
    HotlineDbContext db,
    IValidator<RegisterTicket> validator,
    TicketNumberAllocator numbers,
    TimeProvider time,
    IEnumerable<ISubmissionPhoneLimit> phoneLimits,
    IAttachmentStore store,
    IOptions<AttachmentOptions> attachmentOptions)
    : IRequestHandler<SubmitPublicRequest, CitizenIntakeResult>
{
    public async Task<CitizenIntakeResult> Handle(SubmitPublicRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body;

        // The centre sets channel and urgency; an agent reviews both before dispatching.
        var order = new RegisterTicketRequest(Channel.Web, body.Type ?? TicketType.Complaint, body.CategoryCode, Urgency.Normal, body.Citizen, body.Location, body.Content, null);
        var key = request.IdempotencyKey is { } k ? $"web:{k}" : null;
        await using var files = await AttachmentBatch.PrepareAsync(store, request.Files ?? [], attachmentOptions.Value, cancellationToken);
        return await CitizenIntake.SubmitAsync(db, validator, numbers, time, order, key, CitizenSource.Web(), cancellationToken, phoneLimits.FirstOrDefault(), files);
    }
}
