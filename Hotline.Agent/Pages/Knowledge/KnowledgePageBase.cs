using Hotline.Agent.Shared;
using Hotline.Contracts.Realtime;

namespace Hotline.Agent.Pages.Knowledge;

/// <summary>A knowledge page: loads like every live page but does not reload on order changes.</summary>
public abstract class KnowledgePageBase : LivePage
{
    protected override bool IsRelevant(TicketChanged change) => false;
}
