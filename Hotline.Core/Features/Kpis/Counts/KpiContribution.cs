using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>
/// What one order adds to the measures (docs/kpis.md has the definitions). A stage that is not done counts as late
/// only once the deadline sweep has raised its overdue alert (or, for a closed order, when it was closed after the
/// deadline): the figures depend on saved state only, which is what lets them be maintained incrementally.
/// </summary>
public static class KpiContribution
{
    public static IEnumerable<KpiCount> Of(KpiSnapshot s)
    {
        // History imported from the previous system is no part of any measure, not even the volumes (docs/intelligence.md);
        // nor is a split original (拆单): its parts are the orders that count.
        if (s.CloseReason is CloseReason.Imported or CloseReason.Split)
        {
            yield break;
        }

        // An order handed to another hotline (转办) is that hotline's to handle: registered here, measured there.
        var excluded = s.CloseReason is CloseReason.Duplicate or CloseReason.Invalid or CloseReason.TransferredOut;

        // Volumes count every registration; hot spots leave out duplicates, invalid and transferred-out orders.
        var day = s.CreatedDay;
        yield return new KpiCount { Day = day, Dimension = KpiDimension.Channel, Key = s.Channel.ToString(), Registered = 1 };
        yield return new KpiCount { Day = day, Dimension = KpiDimension.Type, Key = s.Type.ToString(), Registered = 1 };
        yield return new KpiCount { Day = day, Dimension = KpiDimension.Category, Key = s.CategoryCode, Registered = 1 };
        yield return new KpiCount { Day = day, Dimension = KpiDimension.District, Key = s.DistrictCode, Registered = 1 };
        if (!excluded && s.StreetCode is { } street)
        {
            // Weekly, not daily: hot spots compare weeks, and a week's row per pair is 7× fewer rows to sum.
            yield return new KpiCount { Day = HotSpotWeek(day), Dimension = KpiDimension.StreetCategory, Key = StreetKey(s.DistrictCode, street, s.CategoryCode), HotSpot = 1 };
        }

        if (excluded || s.LeadUnitId is not { } lead)
        {
            yield break;
        }

        if (s.FirstDispatchedAt is { } dispatched)
        {
            var stages = Stages(s);
            foreach (var row in Keyed(stages, ChinaTime.DateOf(dispatched), lead, s))
            {
                yield return row;
            }
        }

        if (s.CallbackAt is { } heard && s.CallbackOutcome is { } outcome)
        {
            // A callback an upheld appeal exempted is in no resolution or satisfaction rate: counted apart only.
            var exempted = s.CallbackExempted && outcome != CallbackOutcome.Unreachable;
            var callback = exempted
                ? new KpiCount { CallbackExempted = 1 }
                : new KpiCount
                {
                    Satisfied = outcome == CallbackOutcome.Satisfied ? 1 : 0,
                    BasicallySatisfied = outcome == CallbackOutcome.BasicallySatisfied ? 1 : 0,
                    Dissatisfied = outcome == CallbackOutcome.Dissatisfied ? 1 : 0,
                    Unreachable = outcome == CallbackOutcome.Unreachable ? 1 : 0,
                    Solved = outcome != CallbackOutcome.Unreachable && s.CallbackSolved == true ? 1 : 0,
                };
            foreach (var row in Keyed(callback, ChinaTime.DateOf(heard), lead, s))
            {
                yield return row;
            }
        }
    }

    public static string StreetKey(string district, string street, string category) => $"{district}|{street}|{category}";

    /// <summary>The day a hot-spot row is kept under: the Monday of the registration's week (China time).</summary>
    public static DateOnly HotSpotWeek(DateOnly created) => VolumeCalculator.BucketOf(created, Contracts.Kpis.VolumeInterval.Week);

    public static string UnitKey(Guid unitId) => unitId.ToString("D");

    private static KpiCount Stages(KpiSnapshot s)
    {
        var open = s.Status != TicketStatus.Closed;
        bool Late(DateTimeOffset? done, DateTimeOffset? due, AlertFlags overdue) =>
            due is { } d && (done is { } at ? at > d : open ? s.AlertsRaised.HasFlag(overdue) : s.ClosedAt > d);

        var contactDone = s.ContactedAt ?? s.RepliedAt;
        var responseLate = s.PriorResponseLate
            || Late(s.AcceptedAt, s.AcceptDueAt, AlertFlags.AcceptOverdue)
            || Late(contactDone, s.ContactDueAt, AlertFlags.ContactOverdue);
        var replyLate = s.PriorReplyLate || Late(s.RepliedAt, s.ReplyDueAt, AlertFlags.ReplyOverdue);

        // An upheld appeal of an overdue verdict: the lateness is counted apart, in neither side of the rates.
        var exempt = s.LatenessExempted;
        return new KpiCount
        {
            Dispatched = 1,
            RespondedOnTime = !responseLate && s.AcceptedAt is not null && contactDone is not null ? 1 : 0,
            ResponseLate = responseLate && !exempt ? 1 : 0,
            ResponseExempted = responseLate && exempt ? 1 : 0,
            Replied = s.RepliedAt is not null ? 1 : 0,
            RepliedOnTime = s.RepliedAt is not null && !replyLate ? 1 : 0,
            ReplyLate = replyLate && !exempt ? 1 : 0,
            ReplyExempted = replyLate && exempt ? 1 : 0,
            OverdueOpen = open && s.RepliedAt is null && s.AlertsRaised.HasFlag(AlertFlags.ReplyOverdue) ? 1 : 0,
        };
    }

    /// <summary>The same counters under the accountable (lead) unit, the district and the category.</summary>
    private static IEnumerable<KpiCount> Keyed(KpiCount counters, DateOnly day, Guid lead, KpiSnapshot s)
    {
        foreach (var (dimension, key) in new[] { (KpiDimension.Unit, UnitKey(lead)), (KpiDimension.District, s.DistrictCode), (KpiDimension.Category, s.CategoryCode) })
        {
            var row = new KpiCount { Day = day, Dimension = dimension, Key = key };
            row.Add(counters, 1);
            yield return row;
        }
    }
}
