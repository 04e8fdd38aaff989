namespace Hotline.Domain.Telephony;

/// <summary>What the survey call does after a key (<see cref="KeypadStep"/>).</summary>
public enum KeypadAction
{
    /// <summary>Ask the question (the next one, or the first when it was skipped).</summary>
    Ask,

    /// <summary>No or a wrong key: say so and ask the same question again.</summary>
    AskAgain,

    /// <summary>Both answers are in: record them on the order, thank and hang up.</summary>
    Complete,

    /// <summary>The survey was already answered or handed over: thank and hang up.</summary>
    Thank,

    /// <summary>Too many attempts: say goodbye and hang up; the survey falls to the human queue at its timeout.</summary>
    GiveUp,
}
