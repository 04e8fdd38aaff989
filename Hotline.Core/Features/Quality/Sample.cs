using FluentValidation;
using Hotline.Contracts.Quality;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Quality;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Quality;

/// <summary>
/// <c>GET /api/qa/sample?week=2026-W49</c> (default: this week, China time): <see cref="QaSample"/> of the calls agents
/// answered that week at <c>Qa:SampleRate</c>, with each call's recording, order and score if already scored.
/// </summary>
public sealed record GetQaSample(string? Week) : IRequest<QaSampleDto>;

public sealed class GetQaSampleValidator : AbstractValidator<GetQaSample>
{
    public GetQaSampleValidator() => RuleFor(x => x.Week).Must(w => QaSample.Bounds(w) is not null)
        .When(x => !string.IsNullOrEmpty(x.Week)).WithMessage("周次格式应为 2026-W49。").OverridePropertyName("week");
}

public sealed class GetQaSampleHandler(HotlineDbContext db, TimeProvider time, IOptions<QualityOptions> options) : IRequestHandler<GetQaSample, QaSampleDto>
{
    public async Task<QaSampleDto> Handle(GetQaSample request, CancellationToken cancellationToken)
    {
        var week = string.IsNullOrEmpty(request.Week) ? QaSample.WeekOf(time.GetUtcNow()) : request.Week;
        var (from, to) = QaSample.Bounds(week)!.Value;
        var answered = await db.Calls.AsNoTracking()
            .Where(c => c.AgentId != null && c.AgentAnsweredAt >= from && c.AgentAnsweredAt < to)
            .Select(c => new { c.Id, AgentId = c.AgentId!.Value })
            .ToListAsync(cancellationToken);
        var rate = options.Value.SampleRate;
        var picked = QaSample.Pick(answered.Select(c => (c.Id, c.AgentId)), rate, week).Select(p => p.CallId).ToList();

        var calls = await db.Calls.AsNoTracking().Where(c => picked.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.From, AgentId = c.AgentId!.Value, AnsweredAt = c.AgentAnsweredAt!.Value, c.DurationSeconds, HasRecording = c.RecordingSid != null,
                TicketId = db.Tickets.Where(t => t.CallSid == c.CallSid).OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var agentIds = calls.Select(c => c.AgentId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var reviews = await db.QaReviews.AsNoTracking().Where(r => picked.Contains(r.CallId)).ToDictionaryAsync(r => r.CallId, cancellationToken);
        var rows = calls
            .OrderBy(c => names.GetValueOrDefault(c.AgentId), StringComparer.Ordinal).ThenBy(c => c.AnsweredAt)
            .Select(c => new QaSampleCallDto(c.Id, c.From, c.AgentId, names.GetValueOrDefault(c.AgentId) ?? "?", c.AnsweredAt, c.DurationSeconds, c.HasRecording, c.TicketId,
                reviews.TryGetValue(c.Id, out var review) ? review.Dto() : null))
            .ToList();
        return new QaSampleDto(week, from, to, rate, answered.Count, rows);
    }
}

/// <summary>
/// <c>POST /api/qa/calls/{callId}/review</c>: a supervisor scores an answered call on the active checklist (every point,
/// none above its maximum) with a comment; scoring it again replaces the points. Any answered call may be scored, not only
/// the sample (a complaint about an agent, say).
/// </summary>
public sealed record ReviewCall(Guid CallId, ScoreCallRequest Body) : IRequest<QaReviewDto>;

public sealed class ReviewCallValidator : AbstractValidator<ReviewCall>
{
    public ReviewCallValidator()
    {
        RuleFor(x => x.Body.Scores).NotEmpty().WithMessage("请为每个评分项打分。").OverridePropertyName("scores");
        RuleFor(x => x.Body.Comment).MaximumLength(QaReview.CommentMaxLength).WithMessage($"评语不能超过 {QaReview.CommentMaxLength} 个字。").OverridePropertyName("comment");
        RuleForEach(x => x.Body.Scores).NotNull().WithMessage("评分不能为空。").OverridePropertyName("scores");
        RuleFor(x => x.Body.Scores).Must(s => s!.OfType<QaPointsInput>().GroupBy(p => p.ItemId).All(g => g.Count() == 1))
            .When(x => x.Body.Scores is not null).WithMessage("同一评分项只能打一次分。").OverridePropertyName("scores");
    }
}

public sealed class ReviewCallHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<ReviewCall, QaReviewDto>
{
    public async Task<QaReviewDto> Handle(ReviewCall request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == request.CallId).Select(c => new { c.AgentId, c.AgentAnsweredAt }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("通话", request.CallId);
        if (call.AgentId is not { } agentId || call.AgentAnsweredAt is not { } answeredAt)
        {
            throw new DomainException("该来电没有话务员接听，无法质检评分。");
        }

        var checklist = await QaChecklist.ActiveAsync(db, cancellationToken);
        var review = await db.QaReviews.FirstOrDefaultAsync(r => r.CallId == request.CallId, cancellationToken);
        if (review is null)
        {
            review = QaReview.Start(request.CallId, agentId, answeredAt);
            db.QaReviews.Add(review);
        }

        var reviewer = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? actor.UserName;
        try
        {
            review.Record(checklist, request.Body.Scores!.ToDictionary(s => s.ItemId, s => s.Points), request.Body.Comment, actor.UserId!.Value, reviewer, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            // Points that do not fit the checklist are the request's fault: 400 on the field, nothing saved.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("scores", ex.Message)]);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(review).State == EntityState.Added)
        {
            throw new DomainException("另一位质检员刚刚为该通话评分，请刷新后查看。");
        }

        return review.Dto();
    }
}

/// <summary>
/// <c>GET /api/qa/agents?from=2026-W41&amp;to=2026-W49</c> (default: the last eight weeks to this one): per agent per week,
/// the calls scored and the average share of the maximum, from the reviews (counted in the week the call was answered).
/// </summary>
public sealed record GetQaAgentScores(string? From, string? To) : IRequest<QaAgentScoresDto>;

public sealed class GetQaAgentScoresValidator : AbstractValidator<GetQaAgentScores>
{
    public GetQaAgentScoresValidator()
    {
        RuleFor(x => x.From).Must(w => QaSample.Bounds(w) is not null).When(x => !string.IsNullOrEmpty(x.From)).WithMessage("周次格式应为 2026-W41。").OverridePropertyName("from");
        RuleFor(x => x.To).Must(w => QaSample.Bounds(w) is not null).When(x => !string.IsNullOrEmpty(x.To)).WithMessage("周次格式应为 2026-W49。").OverridePropertyName("to");
    }
}

public sealed class GetQaAgentScoresHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<GetQaAgentScores, QaAgentScoresDto>
{
    public async Task<QaAgentScoresDto> Handle(GetQaAgentScores request, CancellationToken cancellationToken)
    {
        var to = string.IsNullOrEmpty(request.To) ? QaSample.WeekOf(time.GetUtcNow()) : request.To;
        var end = QaSample.Bounds(to)!.Value.To;
        var from = string.IsNullOrEmpty(request.From) ? QaSample.WeekOf(end.AddDays(-7 * 8)) : request.From;
        var start = QaSample.Bounds(from)!.Value.From;
        if (start >= end)
        {
            throw new DomainException("起始周不能晚于结束周。");
        }

        var reviews = await db.QaReviews.AsNoTracking()
            .Where(r => r.CallAnsweredAt >= start && r.CallAnsweredAt < end)
            .Select(r => new { r.AgentId, r.CallAnsweredAt, r.Score, r.MaxScore })
            .ToListAsync(cancellationToken);
        var agentIds = reviews.Select(r => r.AgentId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var rows = reviews
            .GroupBy(r => (r.AgentId, Week: QaSample.WeekOf(r.CallAnsweredAt)))
            .Select(g => new QaAgentWeekDto(g.Key.AgentId, names.GetValueOrDefault(g.Key.AgentId) ?? "?", g.Key.Week, g.Count(),
                Math.Round(g.Average(r => r.MaxScore == 0 ? 0 : 100.0 * r.Score / r.MaxScore), 1)))
            .OrderBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.AgentName, StringComparer.Ordinal)
            .ToList();
        return new QaAgentScoresDto(from, to, rows);
    }
}
