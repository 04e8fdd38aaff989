namespace Hotline.Domain.Telephony;

/// <summary>
/// The survey call's answer to a key (<see cref="CallbackSurvey.AnswerByKeypad"/>): what to do, which question to ask
/// and as which attempt, and for <see cref="KeypadAction.Complete"/> whether the citizen said the problem is solved.
/// </summary>
public sealed record KeypadStep(KeypadAction Action, SurveyQuestion Question, int Attempt, bool Solved = false);
