using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>
/// The parts of an order read beside its row: its split links (拆单), its instructions (领导批示), its flags and its 待研判
/// mark. Only an order that has links or instructions costs a query for them, so an ordinary order reads as before.
/// </summary>
public static class TicketSupervisionView
{
    public static async Task<TicketDto> AddAsync(TicketDto dto, HotlineDbContext db, Ticket t, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var splitFrom = t.SplitFromTicketId is { } fromId
            ? await db.Tickets.AsNoTracking().Where(o => o.Id == fromId).Select(o => new TicketLinkDto(o.Id, o.Number, o.Status)).FirstOrDefaultAsync(ct)
            : null;
        var splitInto = t.CloseReason == CloseReason.Split
            ? await db.Tickets.AsNoTracking().Where(o => o.SplitFromTicketId == t.Id).OrderBy(o => o.Number).Select(o => new TicketLinkDto(o.Id, o.Number, o.Status)).ToListAsync(ct)
            : [];
        var instructions = t.InstructionCount > 0
            ? await db.TicketInstructions.AsNoTracking().Where(i => i.TicketId == t.Id).OrderBy(i => i.At).ThenBy(i => i.Id).ToListAsync(ct)
            : [];
        return dto with
        {
            SplitFrom = splitFrom,
            SplitInto = splitInto,
            Instructions = instructions.Select(i => new InstructionDto(i.Text, i.Author, i.ReplyDueAt, ActorNames.Of(i.EnteredBy, names), i.At)).ToList(),
            Flags = new TicketFlagsDto(t.FlaggedHard, t.FlaggedTypical),
            Assessment = new AssessmentDto(t.AssessmentPending, t.AssessmentNote, t.AssessmentRequestedAt, t.AssessmentRequestedBy is { } by ? ActorNames.Of(by, names) : null),
        };
    }
}
