namespace Hotline.Domain.Tickets;

/// <summary>领导批示/交办: a leader's instruction on an order, entered by a supervisor; append-only.</summary>
public sealed class TicketInstruction
{
    public const int MaxTextLength = 2000;
    public const int MaxAuthorLength = 100;

    private TicketInstruction()
    {
        Text = string.Empty;
        Author = string.Empty;
        EnteredBy = string.Empty;
    }

    public TicketInstruction(string text, string author, DateTimeOffset? replyDueAt, string enteredBy, DateTimeOffset at)
    {
        Text = text;
        Author = author;
        ReplyDueAt = replyDueAt;
        EnteredBy = enteredBy;
        At = at;
    }

    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>The instruction as the leader gave it.</summary>
    public string Text { get; private set; }

    /// <summary>Who gave it (the leader, e.g. 王副市长), as the supervisor entered it.</summary>
    public string Author { get; private set; }

    /// <summary>The tighter reply deadline the instruction set, if it set one.</summary>
    public DateTimeOffset? ReplyDueAt { get; private set; }

    /// <summary>The login of the supervisor who entered it.</summary>
    public string EnteredBy { get; private set; }

    public DateTimeOffset At { get; private set; }
}
