using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.Synonyms;

/// <summary>同义词: the groups searches expand with; editors maintain them. Every change goes through the change log to every node.</summary>
public sealed record ListSynonyms : IRequest<IReadOnlyList<SynonymGroupDto>>;

public sealed record CreateSynonymGroup(IReadOnlyList<string>? Terms) : IRequest<SynonymGroupDto>;

public sealed record ChangeSynonymGroup(Guid Id, IReadOnlyList<string>? Terms, int? Version) : IRequest<SynonymGroupDto>;

public sealed record DeleteSynonymGroup(Guid Id) : IRequest<Unit>;

public sealed class CreateSynonymGroupValidator : AbstractValidator<CreateSynonymGroup>
{
    public CreateSynonymGroupValidator() => RuleFor(x => x.Terms).Must(SynonymRules.Valid).WithMessage(SynonymRules.Message).OverridePropertyName("terms");
}

public sealed class ChangeSynonymGroupValidator : AbstractValidator<ChangeSynonymGroup>
{
    public ChangeSynonymGroupValidator() => RuleFor(x => x.Terms).Must(SynonymRules.Valid).WithMessage(SynonymRules.Message).OverridePropertyName("terms");
}

internal static class SynonymRules
{
    public static readonly string Message = $"同义词组须有 2 至 {KnowledgeSynonymGroup.MaxTerms} 个不同的词，每个不超过 {KnowledgeSynonymGroup.MaxTermLength} 字。";

    public static bool Valid(IReadOnlyList<string>? terms)
    {
        var distinct = terms?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return distinct is { Count: >= 2 and <= KnowledgeSynonymGroup.MaxTerms } && distinct.All(t => t.Length <= KnowledgeSynonymGroup.MaxTermLength);
    }
}

public sealed class SynonymsHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeIndexSync sync)
    : IRequestHandler<ListSynonyms, IReadOnlyList<SynonymGroupDto>>, IRequestHandler<CreateSynonymGroup, SynonymGroupDto>,
      IRequestHandler<ChangeSynonymGroup, SynonymGroupDto>, IRequestHandler<DeleteSynonymGroup, Unit>
{
    public async Task<IReadOnlyList<SynonymGroupDto>> Handle(ListSynonyms request, CancellationToken cancellationToken)
    {
        var groups = await db.Set<KnowledgeSynonymGroup>().AsNoTracking().ToListAsync(cancellationToken);
        return groups.OrderBy(g => g.Terms.FirstOrDefault(), StringComparer.Ordinal).Select(ToDto).ToList();
    }

    public async Task<SynonymGroupDto> Handle(CreateSynonymGroup request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var group = new KnowledgeSynonymGroup(Guid.NewGuid(), request.Terms!, currentUser.Actor.UserName, now);
        db.Set<KnowledgeSynonymGroup>().Add(group);
        await SaveAsync(now, cancellationToken);
        return ToDto(group);
    }

    public async Task<SynonymGroupDto> Handle(ChangeSynonymGroup request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var group = await db.Set<KnowledgeSynonymGroup>().FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("同义词组", request.Id);
        group.Change(request.Terms!, request.Version, currentUser.Actor.UserName, now);
        await SaveAsync(now, cancellationToken);
        return ToDto(group);
    }

    public async Task<Unit> Handle(DeleteSynonymGroup request, CancellationToken cancellationToken)
    {
        var group = await db.Set<KnowledgeSynonymGroup>().FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("同义词组", request.Id);
        db.Set<KnowledgeSynonymGroup>().Remove(group);
        await SaveAsync(time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }

    private async Task SaveAsync(DateTimeOffset now, CancellationToken ct)
    {
        KnowledgeChanges.Record(db, null, now);
        await db.SaveChangesAsync(ct);
        await sync.CatchUpAsync(ct);
    }

    private static SynonymGroupDto ToDto(KnowledgeSynonymGroup g) => new(g.Id, g.Terms, g.Version, g.UpdatedBy, g.UpdatedAt);
}
