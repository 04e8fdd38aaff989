using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Privacy;

/// <summary>The order itself: name, phone, free address and coordinates (district and street stay).</summary>
public sealed class TicketCitizenEraser : IPersonalDataEraser
{
    public string Name => "orders";

    public Task<int> EraseAsync(IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(tickets.Count(t => t.Anonymise(now)));
}

/// <summary>The call that opened an order: the caller's number (来电号码).</summary>
public sealed class CallerNumberEraser(HotlineDbContext db) : IPersonalDataEraser
{
    public const string Removed = "已脱敏";

    public string Name => "calls";

    public async Task<int> EraseAsync(IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sids = tickets.Where(t => t.CallSid is not null).Select(t => t.CallSid!).Distinct().ToList();
        if (sids.Count == 0)
        {
            return 0;
        }

        var calls = await db.Calls.Where(c => sids.Contains(c.CallSid) && c.From != Removed).ToListAsync(cancellationToken);
        foreach (var call in calls)
        {
            db.Entry(call).Property(c => c.From).CurrentValue = Removed;
        }

        return calls.Count;
    }
}

/// <summary>
/// The callback surveys of an order (回访): the number they called or texted, and the texts exchanged (a citizen's
/// SMS reply is free text). Kept: each survey's stage, satisfaction and solved answer, and each message's purpose,
/// direction, status and times, so the satisfaction figures and the delivery record stay.
/// </summary>
public sealed class SurveyEraser(HotlineDbContext db) : IPersonalDataEraser
{
    public string Name => "surveys";

    public async Task<int> EraseAsync(IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var surveys = await db.CallbackSurveys.Where(s => ids.Contains(s.TicketId)).ToListAsync(cancellationToken);
        var surveyIds = surveys.Select(s => s.Id).ToList();
        var messages = surveyIds.Count == 0
            ? []
            : await db.SurveyMessages.Where(m => surveyIds.Contains(m.SurveyId) && (m.Phone != CallerNumberEraser.Removed || m.Body != null)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var survey in surveys.Where(s => s.Phone != CallerNumberEraser.Removed))
        {
            db.Entry(survey).Property(s => s.Phone).CurrentValue = CallerNumberEraser.Removed;
            changed++;
        }

        foreach (var message in messages)
        {
            var entry = db.Entry(message);
            entry.Property(m => m.Phone).CurrentValue = CallerNumberEraser.Removed;
            entry.Property(m => m.Body).CurrentValue = null;
            changed++;
        }

        return changed;
    }
}

/// <summary>Runs every eraser over a batch of orders and adds up the counts.</summary>
public sealed class PersonalDataErasure(IEnumerable<IPersonalDataEraser> erasers)
{
    public IEnumerable<string> Names => erasers.Select(e => e.Name);

    public async Task Erase(IReadOnlyList<Ticket> tickets, DateTimeOffset now, IDictionary<string, int> counts, CancellationToken cancellationToken)
    {
        foreach (var eraser in erasers)
        {
            var changed = await eraser.EraseAsync(tickets, now, cancellationToken);
            counts[eraser.Name] = counts.TryGetValue(eraser.Name, out var before) ? before + changed : changed;
        }
    }

    public Dictionary<string, int> EmptyCounts() => Names.ToDictionary(n => n, _ => 0);

    public static string Describe(IReadOnlyDictionary<string, int> counts) => string.Join("，", counts.Select(c => $"{c.Key} {c.Value}"));
}

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<IPersonalDataEraser, TicketCitizenEraser>();
        services.AddScoped<IPersonalDataEraser, CallerNumberEraser>();
        services.AddScoped<IPersonalDataEraser, SurveyEraser>();
        services.AddScoped<PersonalDataErasure>();
        return services;
    }
}
