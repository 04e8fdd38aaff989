using System.ComponentModel.DataAnnotations;
using Hotline.Core.Features.Callbacks;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Calls;

/// <summary>Section <c>Calls</c>: the call centre's rules.</summary>
public sealed class CallCentreOptions : IValidatableObject
{
    public const string Section = "Calls";

    /// <summary>Wrap-up (话后处理) after each answered call before the agent is available again; the agent may end it early.</summary>
    public TimeSpan WrapUpTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// China-time hours in which agents answer, e.g. <c>08:00-20:00</c> (default round the clock, as 12345 lines are
    /// staffed). A call outside them is told so, not queued, and becomes a callback task (漏接回拨).
    /// </summary>
    public string StaffedHours { get; set; } = "00:00-24:00";

    /// <summary>Callback attempts with no answer after which a callback task is done (无人接听).</summary>
    [Range(1, 10)]
    public int CallbackAttempts { get; set; } = 3;

    /// <summary>
    /// 录音: record every answered call from the moment the caller joins the agent (the conference's
    /// <c>record="record-from-start"</c>); the greeting tells callers that calls may be recorded. Supervisors play the
    /// recordings through the API (<c>GET /api/calls/{id}/recording</c>, every listen audited) for quality inspection.
    /// </summary>
    public bool Recording { get; set; }

    /// <summary>
    /// The numbers the three-way transfer dials for each emergency service (<c>Calls:EmergencyNumbers:110</c>, …), e.g.
    /// the 110 command centre's direct line agreed for 12345 (12345 与 110 对接). Twilio cannot dial the short codes
    /// themselves: a service without a number here is refused on Twilio; the local line dials nothing and needs none.
    /// </summary>
    public Dictionary<string, string> EmergencyNumbers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Seat groups (专席) by the number called: group name → the hotline numbers (Twilio's <c>To</c>) whose calls go to it,
    /// e.g. <c>"涉企专席": ["+862161234567"]</c>. A group may list no number (agents still get the skill). No IVR menu.
    /// </summary>
    public Dictionary<string, string[]> SeatGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A grouped call unanswered this long rings every available agent and may be taken by any (so nobody waits forever).</summary>
    public TimeSpan SeatGroupOverflow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The expected wait per caller announced when no call was answered in the last hour (预计等待).</summary>
    public TimeSpan EstimatedWaitPerCaller { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Seconds of silence after each position announcement before Twilio asks the wait URL again.</summary>
    [Range(5, 120)]
    public int WaitAnnouncementPause { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (service, number) in EmergencyNumbers)
        {
            if (!Domain.Telephony.CallTransfer.EmergencyServices.ContainsKey(service) || Domain.Telephony.PhoneNumbers.Normalize(number) is null)
            {
                yield return new ValidationResult($"Calls:EmergencyNumbers:{service} must be one of 110, 119, 120, 122 with a valid phone number.", [nameof(EmergencyNumbers)]);
            }
        }

        if (SeatGroupOverflow < TimeSpan.Zero || SeatGroupOverflow > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Calls:SeatGroupOverflow must be between 00:00:00 and 01:00:00.", [nameof(SeatGroupOverflow)]);
        }

        if (EstimatedWaitPerCaller <= TimeSpan.Zero || EstimatedWaitPerCaller > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Calls:EstimatedWaitPerCaller must be over 0 and up to 01:00:00.", [nameof(EstimatedWaitPerCaller)]);
        }

        foreach (var (group, numbers) in SeatGroups)
        {
            if (string.IsNullOrWhiteSpace(group) || group.Trim() != group || group.Length > Domain.Telephony.AgentSeatGroup.MaxLength)
            {
                yield return new ValidationResult($"Calls:SeatGroups: the group name '{group}' must be 1 to {Domain.Telephony.AgentSeatGroup.MaxLength} characters without surrounding spaces.", [nameof(SeatGroups)]);
            }

            foreach (var number in numbers ?? [])
            {
                if (Domain.Telephony.PhoneNumbers.Normalize(number) is null)
                {
                    yield return new ValidationResult($"Calls:SeatGroups:{group}: '{number}' is not a phone number.", [nameof(SeatGroups)]);
                }
            }
        }

        var called = SeatGroups.SelectMany(g => (g.Value ?? []).Select(n => Domain.Telephony.PhoneNumbers.Normalize(n))).Where(n => n is not null).ToList();
        if (called.Count != called.Distinct(StringComparer.Ordinal).Count())
        {
            yield return new ValidationResult("Calls:SeatGroups: a called number belongs to one group only.", [nameof(SeatGroups)]);
        }

        if (WrapUpTime < TimeSpan.Zero || WrapUpTime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Calls:WrapUpTime must be between 00:00:00 and 01:00:00.", [nameof(WrapUpTime)]);
        }

        if (CallbackOptions.ParseHours(StaffedHours) is null)
        {
            yield return new ValidationResult("Calls:StaffedHours must look like 08:00-20:00 (China time, start before end, end up to 24:00).", [nameof(StaffedHours)]);
        }
    }

    /// <summary>Whether <paramref name="at"/> falls inside the staffed hours (China time).</summary>
    public bool IsStaffed(DateTimeOffset at)
    {
        var (start, end) = CallbackOptions.ParseHours(StaffedHours) ?? (TimeSpan.Zero, TimeSpan.FromHours(24));
        var timeOfDay = ChinaTime.ToChina(at).TimeOfDay;
        return timeOfDay >= start && timeOfDay < end;
    }

    /// <summary>The seat group of a call to <paramref name="to"/> (the number called, +86 or national form); null: any agent.</summary>
    public string? SeatGroupFor(string? to)
    {
        if (Domain.Telephony.PhoneNumbers.Normalize(to) is not { } called)
        {
            return null;
        }

        foreach (var (group, numbers) in SeatGroups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if ((numbers ?? []).Any(n => Domain.Telephony.PhoneNumbers.Normalize(n) == called))
            {
                return group;
            }
        }

        return null;
    }
}
