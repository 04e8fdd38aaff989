using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.CallerRegistry;

/// <summary>What the agent's caller panel shows about a number: its priority entry (优先办) and its active flag (恶意来电).</summary>
public sealed record GetCallerInfo(string Phone) : IRequest<CallerInfoDto>;

public sealed class GetCallerInfoValidator : AbstractValidator<GetCallerInfo>
{
    public GetCallerInfoValidator() => RuleFor(x => x.Phone).MustBePhone();
}

public sealed class GetCallerInfoHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<GetCallerInfo, CallerInfoDto>
{
    public async Task<CallerInfoDto> Handle(GetCallerInfo request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var priority = await db.PriorityCallers.AsNoTracking().FirstOrDefaultAsync(p => p.Phone == phone, cancellationToken);
        var flag = await db.FlaggedCallers.AsNoTracking().FirstOrDefaultAsync(f => f.Phone == phone, cancellationToken);
        var now = time.GetUtcNow();
        return new CallerInfoDto(phone, priority?.ToDto(), flag is not null && flag.IsActiveAt(now) ? flag.ToDto(now) : null);
    }
}

/// <summary>An agent registers a caller as served first (老年人, 残疾人, 其他 with a note); replaces the number's entry.</summary>
public sealed record SetPriorityCaller(string Phone, SetPriorityCallerRequest Body) : IRequest<PriorityCallerDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PriorityCallerSet;
    public string? AuditSummary => $"设置优先来电人：{PhoneNumbers.Normalize(Phone) ?? Phone}";
    public string? AuditTargetType => nameof(PriorityCaller);
    public string? AuditTargetId => PhoneNumbers.Normalize(Phone);
}

public sealed class SetPriorityCallerValidator : AbstractValidator<SetPriorityCaller>
{
    public SetPriorityCallerValidator()
    {
        RuleFor(x => x.Phone).MustBePhone();
        RuleFor(x => x.Body.Kind).NotNull().IsInEnum().OverridePropertyName("kind").WithMessage("请选择优先类别（老年人、残疾人或其他）。");
        RuleFor(x => x.Body.Note).MaximumLength(PriorityCaller.NoteMaxLength).OverridePropertyName("note")
            .WithMessage($"备注不能超过 {PriorityCaller.NoteMaxLength} 个字。");
        RuleFor(x => x.Body.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(x => x.Body.Kind == PriorityCallerKind.Other)
            .OverridePropertyName("note").WithMessage("类别为“其他”时请在备注中说明优先的原因。");
    }
}

public sealed class SetPriorityCallerHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SetPriorityCaller, PriorityCallerDto>
{
    public async Task<PriorityCallerDto> Handle(SetPriorityCaller request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var (by, now) = (currentUser.Actor.UserName, time.GetUtcNow());
        var entry = await db.PriorityCallers.FirstOrDefaultAsync(p => p.Phone == phone, cancellationToken);
        if (entry is null)
        {
            entry = new PriorityCaller(phone, request.Body.Kind!.Value, request.Body.Note, by, now);
            db.PriorityCallers.Add(entry);
        }
        else
        {
            entry.Set(request.Body.Kind!.Value, request.Body.Note, by, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry.ToDto();
    }
}

/// <summary>An agent clears a number's priority; 404 when it has none (nothing to clear).</summary>
public sealed record ClearPriorityCaller(string Phone) : IRequest<Unit>, IAuditedRequest
{
    public string AuditAction => AuditActions.PriorityCallerCleared;
    public string? AuditSummary => $"取消优先来电人：{PhoneNumbers.Normalize(Phone) ?? Phone}";
    public string? AuditTargetType => nameof(PriorityCaller);
    public string? AuditTargetId => PhoneNumbers.Normalize(Phone);
}

public sealed class ClearPriorityCallerValidator : AbstractValidator<ClearPriorityCaller>
{
    public ClearPriorityCallerValidator() => RuleFor(x => x.Phone).MustBePhone();
}

public sealed class ClearPriorityCallerHandler(HotlineDbContext db) : IRequestHandler<ClearPriorityCaller, Unit>
{
    public async Task<Unit> Handle(ClearPriorityCaller request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var entry = await db.PriorityCallers.FirstOrDefaultAsync(p => p.Phone == phone, cancellationToken)
            ?? throw new NotFoundException("优先来电人", phone);
        db.PriorityCallers.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The registry, newest first, up to 500: <c>q</c> a part of the number, <c>kind</c> one kind.</summary>
public sealed record ListPriorityCallers(string? Query, PriorityCallerKind? Kind) : IRequest<IReadOnlyList<PriorityCallerDto>>;

public sealed class ListPriorityCallersHandler(HotlineDbContext db) : IRequestHandler<ListPriorityCallers, IReadOnlyList<PriorityCallerDto>>
{
    public async Task<IReadOnlyList<PriorityCallerDto>> Handle(ListPriorityCallers request, CancellationToken cancellationToken)
    {
        var entries = db.PriorityCallers.AsNoTracking();
        var digits = new string((request.Query ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0)
        {
            entries = entries.Where(p => p.Phone.Contains(digits));
        }

        if (request.Kind is { } kind)
        {
            entries = entries.Where(p => p.Kind == kind);
        }

        var list = await entries.OrderByDescending(p => p.SetAt).ThenBy(p => p.Phone).Take(500).ToListAsync(cancellationToken);
        return list.Select(p => p.ToDto()).ToList();
    }
}

/// <summary>
/// An admin imports the registry (e.g. from the civil affairs bureau's list): CSV lines <c>phone,kind,note</c> (an optional
/// header line; kind <c>Elderly</c>/<c>老年人</c>, <c>Disabled</c>/<c>残疾人</c>, <c>Other</c>/<c>其他</c>) or JSON Lines
/// <c>{"phone","kind","note"}</c>. All or nothing: a bad line (its number and why) is 400 and nothing is written; otherwise
/// every line is added or updated in one transaction. Idempotent: a line that says what the registry says is unchanged.
/// </summary>
public sealed record ImportPriorityCallers(string Text, bool JsonLines) : IRequest<PriorityCallerImportResult>, IAuditedRequest
{
    public const int MaxLines = 20_000;

    public string AuditAction => AuditActions.PriorityCallersImported;
    public string? AuditSummary => JsonLines ? "导入优先来电人（JSON Lines）" : "导入优先来电人（CSV）";
    public string? AuditTargetType => nameof(PriorityCaller);
    public bool AuditCapturesChanges => false;
}

public sealed class ImportPriorityCallersHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<ImportPriorityCallers, PriorityCallerImportResult>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PriorityCallerImportResult> Handle(ImportPriorityCallers request, CancellationToken cancellationToken)
    {
        var rows = Parse(request.Text, request.JsonLines);
        var phones = rows.Select(r => r.Phone).ToList();
        var existing = await db.PriorityCallers.Where(p => phones.Contains(p.Phone)).ToDictionaryAsync(p => p.Phone, cancellationToken);
        var (by, now) = (currentUser.Actor.UserName, time.GetUtcNow());
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Phone, out var entry))
            {
                if (entry.Set(row.Kind, row.Note, by, now))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                db.PriorityCallers.Add(new PriorityCaller(row.Phone, row.Kind, row.Note, by, now));
                added++;
            }
        }

        // One save: one transaction, so an import is written whole or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return new PriorityCallerImportResult(added, updated, unchanged);
    }

    /// <summary>Every line read, or a <see cref="ValidationException"/> naming each bad line (nothing is written then).</summary>
    internal static IReadOnlyList<(string Phone, PriorityCallerKind Kind, string? Note)> Parse(string text, bool jsonLines)
    {
        var rows = new List<(string Phone, PriorityCallerKind Kind, string? Note)>();
        var errors = new List<ValidationFailure>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var (number, line) = (i + 1, lines[i].Trim().TrimStart('\uFEFF'));
            if (line.Length == 0 || (!jsonLines && i == 0 && line.StartsWith("phone", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var (phoneText, kindText, note, error) = jsonLines ? ReadJson(line) : ReadCsv(line);
            var phone = error is null ? PhoneNumbers.Normalize(phoneText) : null;
            var kind = ParseKind(kindText);
            error ??= phone is null ? $"“{phoneText}”不是有效的电话号码。"
                : kind is null ? $"优先类别“{kindText}”无效（老年人、残疾人或其他）。"
                : note is { Length: > PriorityCaller.NoteMaxLength } ? $"备注不能超过 {PriorityCaller.NoteMaxLength} 个字。"
                : kind == PriorityCallerKind.Other && string.IsNullOrWhiteSpace(note) ? "类别为“其他”时请在备注中说明优先的原因。"
                : seen.TryGetValue(phone, out var first) ? $"号码 {phone} 与第 {first} 行重复。"
                : null;
            if (error is not null)
            {
                errors.Add(new ValidationFailure($"line{number}", $"第 {number} 行：{error}"));
                continue;
            }

            seen[phone!] = number;
            rows.Add((phone!, kind!.Value, note));
        }

        if (rows.Count + errors.Count > ImportPriorityCallers.MaxLines)
        {
            errors.Insert(0, new ValidationFailure("body", $"一次最多导入 {ImportPriorityCallers.MaxLines} 行。"));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ValidationFailure("body", "没有可导入的行：每行一个号码，如 13800000000,老年人,备注。"));
        }

        return errors.Count == 0 ? rows : throw new ValidationException(errors.Take(100));
    }

    private static (string? Phone, string? Kind, string? Note, string? Error) ReadCsv(string line)
    {
        var parts = line.Split(',', 3);
        return parts.Length < 2
            ? (parts[0], null, null, "须为“号码,类别,备注”。")
            : (Unquote(parts[0]), Unquote(parts[1]), parts.Length > 2 && Unquote(parts[2]) is { Length: > 0 } n ? n : null, null);
    }

    private static (string? Phone, string? Kind, string? Note, string? Error) ReadJson(string line)
    {
        try
        {
            var row = JsonSerializer.Deserialize<ImportRow>(line, Json);
            return row is null ? (null, null, null, "不是 JSON 对象。") : (row.Phone, row.Kind, string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim(), null);
        }
        catch (JsonException)
        {
            return (null, null, null, "不是有效的 JSON 对象，须为 {\"phone\":…,\"kind\":…,\"note\":…}。");
        }
    }

    private static string Unquote(string value) => value.Trim().Trim('"').Trim();

    private static PriorityCallerKind? ParseKind(string? text) => text?.Trim() switch
    {
        "老年人" => PriorityCallerKind.Elderly,
        "残疾人" => PriorityCallerKind.Disabled,
        "其他" => PriorityCallerKind.Other,
        { } name when Enum.TryParse<PriorityCallerKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) => kind,
        _ => null,
    };

    private sealed record ImportRow(string? Phone, string? Kind, string? Note);
}

internal static class CallerRegistryMapping
{
    public static PriorityCallerDto ToDto(this PriorityCaller p) => new(p.Phone, p.Kind, p.Note, p.SetBy, p.SetAt);

    public static FlaggedCallerDto ToDto(this FlaggedCaller f, DateTimeOffset now) =>
        new(f.Phone, f.Reason, f.Policy, f.DailyLimit, f.ExpiresAt, f.AddedBy, f.AddedAt, f.UpdatedBy, f.UpdatedAt, f.IsActiveAt(now));

    /// <summary>A phone in the route: a number <see cref="PhoneNumbers.Normalize"/> accepts (400 otherwise).</summary>
    public static IRuleBuilderOptions<T, string> MustBePhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => PhoneNumbers.Normalize(p) is not null).OverridePropertyName("phone").WithMessage("电话号码无效（5 至 20 位数字，可带 +86）。");
}
