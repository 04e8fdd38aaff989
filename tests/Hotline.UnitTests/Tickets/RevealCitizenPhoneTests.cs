using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class RevealCitizenPhoneTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void RevealPhone_Should_ReturnFullPhoneAndLogAccess_When_LeadAsks()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);
        var versionBefore = ticket.Version;
        var now = _s.Tick();

        var phone = ticket.RevealPhone(_s.Lead, now);

        phone.ShouldBe(TicketScenario.Phone);
        ticket.Status.ShouldBe(TicketStatus.Accepted);
        var entry = probe.NewEntries.ShouldHaveSingleItem();
        (entry.Action, entry.FromStatus, entry.ToStatus, entry.At, entry.UnitId).ShouldBe((TimelineActions.PhoneRevealed, TicketStatus.Accepted, TicketStatus.Accepted, now, _s.LeadUnitId));
        ticket.Version.ShouldBe(versionBefore, "an audit entry does not make other consoles' versions stale");
    }

    [Fact]
    public void RevealPhone_Should_ThrowActorNotPermitted_When_OrderIsAReport()
    {
        var ticket = _s.Accepted(TicketType.Report);
        var probe = new StepProbe(ticket);

        ticket.HidesIdentityFromUnits.ShouldBeTrue();
        Should.Throw<ActorNotPermittedException>(() => ticket.RevealPhone(_s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void RevealPhone_Should_ThrowActorNotPermitted_When_CitizenAskedForConfidentiality()
    {
        var ticket = _s.Accepted(citizen: new Citizen("李四", TicketScenario.Phone, Confidential: true));
        var probe = new StepProbe(ticket);

        ticket.HidesIdentityFromUnits.ShouldBeTrue();
        Should.Throw<ActorNotPermittedException>(() => ticket.RevealPhone(_s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void RevealPhone_Should_ThrowActorNotPermitted_When_NotLeadUnit()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.RevealPhone(_s.Other, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.RevealPhone(_s.Assisting, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void RevealPhone_Should_ThrowDomainException_When_CitizenLeftNoPhone()
    {
        var ticket = _s.Accepted(citizen: new Citizen("王五", null, false));

        Should.Throw<DomainException>(() => ticket.RevealPhone(_s.Lead, _s.Tick()));
    }

    [Fact]
    public void RevealPhone_Should_ThrowInvalidTransition_When_Closed()
    {
        var ticket = _s.Closed();

        Should.Throw<InvalidTransitionException>(() => ticket.RevealPhone(_s.Lead, _s.Tick()));
    }
}
