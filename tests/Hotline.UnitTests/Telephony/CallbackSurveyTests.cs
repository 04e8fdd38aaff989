using Hotline.Contracts;
using Hotline.Domain.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>The survey's decisions: the callback sweep's next step (<see cref="CallbackSurvey.Advance"/>) and the keypad call's steps.</summary>
public sealed class CallbackSurveyTests
{
    private const string Mobile = "13812345678";
    private const string Landline = "01012345678";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero); // 10:00 China time
    private static readonly string[] Nothing = [];

    [Fact]
    public void Advance_Should_DoNothing_When_TheSurveyIsNotDueYet()
    {
        var survey = Scheduled(Mobile, dueAt: Now.AddMinutes(1));

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, Nothing, Now).ShouldBe(SurveyStep.None);

        survey.ShouldSatisfyAllConditions(
            s => s.Stage.ShouldBe(SurveyStage.Scheduled),
            s => s.DueAt.ShouldBe(Now.AddMinutes(1)),
            s => s.Version.ShouldBe(0));
    }

    [Theory]
    [InlineData(TicketStatus.Closed, 0)]
    [InlineData(TicketStatus.Dispatched, 0)]
    [InlineData(TicketStatus.Replied, 1)]
    [InlineData(null, 0)]
    public void Advance_Should_Cancel_When_TheOrderNoLongerWaitsForThisSurvey(TicketStatus? status, int round)
    {
        var survey = Scheduled(Mobile);

        survey.Advance(status, round, automated: true, Now, Nothing, Now).ShouldBe(SurveyStep.Cancelled);

        survey.ShouldSatisfyAllConditions(
            s => s.Stage.ShouldBe(SurveyStage.Cancelled),
            s => s.DueAt.ShouldBeNull(),
            s => s.IsAnswerable.ShouldBeFalse());
    }

    [Fact]
    public void Advance_Should_HandOverToAPerson_When_TheCallHasRunOutOfTime()
    {
        var survey = Scheduled(Mobile);
        survey.CallPlaced(Now, Now.AddMinutes(-15));

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, [SurveyMessage.SurveyCall], Now).ShouldBe(SurveyStep.ToHuman);

        survey.Stage.ShouldBe(SurveyStage.Human);
        survey.DueAt.ShouldBeNull("the sweep leaves it to the human queue");
    }

    [Fact]
    public void Advance_Should_HandOverToAPerson_When_SurveysAreNotAutomated()
    {
        var survey = Scheduled(Mobile);

        survey.Advance(TicketStatus.Replied, 0, automated: false, withinHours: Now.AddHours(10), Nothing, Now).ShouldBe(SurveyStep.ToHuman);

        survey.Stage.ShouldBe(SurveyStage.Human);
    }

    [Fact]
    public void Advance_Should_WaitForTheCallingHours_When_ItIsNight()
    {
        var survey = Scheduled(Mobile);
        var morning = Now.AddHours(10);

        survey.Advance(TicketStatus.Replied, 0, automated: true, morning, Nothing, Now).ShouldBe(SurveyStep.Postponed);

        survey.ShouldSatisfyAllConditions(
            s => s.Stage.ShouldBe(SurveyStage.Scheduled),
            s => s.DueAt.ShouldBe(morning),
            s => s.Version.ShouldBe(1));
    }

    [Fact]
    public void Advance_Should_SendTheSms_When_AMobileHasNotBeenTriedYet()
    {
        var survey = Scheduled(Mobile);

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, Nothing, Now).ShouldBe(SurveyStep.SendSms);

        survey.Stage.ShouldBe(SurveyStage.Scheduled, "the sweep records the SMS when it sends it");
    }

    [Fact]
    public void Advance_Should_PlaceTheCall_When_ThePhoneTakesNoSms()
    {
        Scheduled(Landline).Advance(TicketStatus.Replied, 0, automated: true, Now, Nothing, Now).ShouldBe(SurveyStep.PlaceCall);
    }

    [Fact]
    public void Advance_Should_PlaceTheCall_When_TheSmsWentUnanswered()
    {
        var survey = Scheduled(Mobile);
        survey.SmsSent(Now, Now.AddHours(-24));

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, [SurveyMessage.SurveySms], Now).ShouldBe(SurveyStep.PlaceCall);
    }

    [Fact]
    public void Advance_Should_PlaceTheCall_When_TheSmsWasRefused()
    {
        var survey = Scheduled(Mobile);
        survey.SmsRefused(Now.AddMinutes(-1));

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, [SurveyMessage.SurveySms], Now).ShouldBe(SurveyStep.PlaceCall, "never the same SMS twice");
    }

    [Fact]
    public void Advance_Should_HandOverToAPerson_When_ACallWasAlreadyAttempted()
    {
        var survey = Scheduled(Mobile);

        survey.Advance(TicketStatus.Replied, 0, automated: true, Now, [SurveyMessage.SurveySms, SurveyMessage.SurveyCall], Now).ShouldBe(SurveyStep.ToHuman, "never the same call twice");

        survey.Stage.ShouldBe(SurveyStage.Human);
    }

    [Fact]
    public void AnswerByKeypad_Should_KeepTheSatisfactionAndAskSolved_When_TheFirstKeyIsValid()
    {
        var survey = Called();

        var step = survey.AnswerByKeypad(SurveyQuestion.Satisfaction, '2', 1, Now);

        step.ShouldBe(new KeypadStep(KeypadAction.Ask, SurveyQuestion.Solved, 1));
        survey.Satisfaction.ShouldBe(2);
        survey.Stage.ShouldBe(SurveyStage.CallPlaced, "the survey completes only with the second key");
    }

    [Theory]
    [InlineData('1', true)]
    [InlineData('2', false)]
    public void AnswerByKeypad_Should_Complete_When_TheSolvedKeyFollowsTheSatisfaction(char digit, bool solved)
    {
        var survey = Called();
        survey.AnswerByKeypad(SurveyQuestion.Satisfaction, '1', 1, Now);

        survey.AnswerByKeypad(SurveyQuestion.Solved, digit, 1, Now).ShouldBe(new KeypadStep(KeypadAction.Complete, SurveyQuestion.Solved, 1, solved));

        survey.Stage.ShouldBe(SurveyStage.CallPlaced, "SurveyCompletion completes it together with the order");
    }

    [Fact]
    public void AnswerByKeypad_Should_AskTheSatisfactionFirst_When_TheSolvedQuestionComesWithoutIt()
    {
        var survey = Called();

        survey.AnswerByKeypad(SurveyQuestion.Solved, '1', 2, Now).ShouldBe(new KeypadStep(KeypadAction.Ask, SurveyQuestion.Satisfaction, 1));

        survey.Satisfaction.ShouldBeNull();
    }

    [Theory]
    [InlineData(SurveyQuestion.Satisfaction, '4', 1, KeypadAction.AskAgain, 2)]
    [InlineData(SurveyQuestion.Satisfaction, '\0', 2, KeypadAction.AskAgain, 3)]
    [InlineData(SurveyQuestion.Satisfaction, '9', 3, KeypadAction.GiveUp, 3)]
    [InlineData(SurveyQuestion.Solved, '3', 1, KeypadAction.AskAgain, 2)]
    [InlineData(SurveyQuestion.Solved, '\0', 3, KeypadAction.GiveUp, 3)]
    public void AnswerByKeypad_Should_AskAgainThenGiveUp_When_NoOrAWrongKeyIsPressed(SurveyQuestion question, char digit, int attempt, KeypadAction action, int nextAttempt)
    {
        var survey = Called();
        if (question == SurveyQuestion.Solved)
        {
            survey.AnswerByKeypad(SurveyQuestion.Satisfaction, '3', 1, Now);
        }

        survey.AnswerByKeypad(question, digit, attempt, Now).ShouldBe(new KeypadStep(action, question, nextAttempt));
    }

    [Fact]
    public void AnswerByKeypad_Should_OnlyThank_When_TheSurveyIsNoLongerAnswerable()
    {
        var survey = Called();
        survey.Complete(1, true, "Sms", Now);

        survey.AnswerByKeypad(SurveyQuestion.Satisfaction, '3', 1, Now).Action.ShouldBe(KeypadAction.Thank);

        survey.Satisfaction.ShouldBe(1, "a repeated delivery changes nothing");
    }

    private static CallbackSurvey Scheduled(string phone, DateTimeOffset? dueAt = null) =>
        CallbackSurvey.Schedule(Guid.NewGuid(), 0, phone, dueAt ?? Now, Now.AddHours(-1));

    private static CallbackSurvey Called()
    {
        var survey = Scheduled(Mobile);
        survey.CallPlaced(Now.AddMinutes(15), Now);
        return survey;
    }
}
