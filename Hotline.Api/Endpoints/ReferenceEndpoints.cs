using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Features.Reference.DeleteDispatchRule;
using Hotline.Core.Features.Reference.DeleteUnit;
using Hotline.Core.Features.Reference.GetCalendarYear;
using Hotline.Core.Features.Reference.ListCategories;
using Hotline.Core.Features.Reference.ListDispatchRules;
using Hotline.Core.Features.Reference.ListRegions;
using Hotline.Core.Features.Reference.ListSlaPolicies;
using Hotline.Core.Features.Reference.ListUnits;
using Hotline.Core.Features.Reference.PreviewSla;
using Hotline.Core.Features.Reference.ResolveDispatch;
using Hotline.Core.Features.Reference.ReplaceCalendarYear;
using Hotline.Core.Features.Reference.SaveCategory;
using Hotline.Core.Features.Reference.SaveDispatchRule;
using Hotline.Core.Features.Reference.SaveRegion;
using Hotline.Core.Features.Reference.SaveSlaPolicy;
using Hotline.Core.Features.Reference.SaveUnit;
using Hotline.Core.Features.Reference.ListReviewRules;
using Hotline.Core.Features.Reference.ReplaceReviewRules;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>Reference data: any signed-in user reads, Admin writes.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Reference data").RequireAuthorization(Policies.AnyUser);
        var write = app.MapGroup("/api").WithTags("Reference data").RequireAuthorization(Policies.Admin);

        read.MapGet("/units", (IMediator m, CancellationToken ct) => m.Send(new ListUnits(), ct)).WithSummary("The unit tree (承办单位)");
        write.MapPost("/units", async (UpsertUnitRequest body, IMediator m, CancellationToken ct) =>
        {
            var unit = await m.Send(new SaveUnit(null, body), ct);
            return TypedResults.Created($"/api/units/{unit.Id}", unit);
        }).WithSummary("Add a unit (承办单位) under an optional parent");
        write.MapPut("/units/{id:guid}", (Guid id, UpsertUnitRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveUnit(id, body), ct))
            .WithSummary("Rename or move a unit");
        write.MapDelete("/units/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteUnit(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a unit that no order, sub-unit, dispatch rule or user refers to");

        read.MapGet("/regions", (IMediator m, CancellationToken ct) => m.Send(new ListRegions(), ct)).WithSummary("Districts with their streets");
        write.MapPut("/regions/{code}", (string code, UpsertRegionRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveRegion(code, body), ct))
            .WithSummary("Create or replace a district and its streets");

        read.MapGet("/categories", (IMediator m, CancellationToken ct) => m.Send(new ListCategories(), ct)).WithSummary("The two-level category catalogue");
        write.MapPut("/categories/{code}", (string code, UpsertCategoryRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveCategory(code, body), ct))
            .WithSummary("Create or replace a top-level category and its children");

        read.MapGet("/dispatch-rules", (IMediator m, CancellationToken ct) => m.Send(new ListDispatchRules(), ct)).WithSummary("The dispatch catalogue (派单目录)");
        read.MapGet("/dispatch-rules/resolve", (string? categoryCode, string? districtCode, string? streetCode, IMediator m, CancellationToken ct) =>
                m.Send(new ResolveDispatch(categoryCode, districtCode, streetCode), ct))
            .WithSummary("Which unit the catalogue gives a category in a district or street (the resolution an order's dispatch suggestion runs)")
            .ProducesValidationProblem();
        write.MapPost("/dispatch-rules", async (UpsertDispatchRuleRequest body, IMediator m, CancellationToken ct) =>
        {
            var rule = await m.Send(new SaveDispatchRule(null, body), ct);
            return TypedResults.Created($"/api/dispatch-rules/{rule.Id}", rule);
        }).WithSummary("Add a dispatch rule: category (and district or street) → lead and assisting units");
        write.MapPut("/dispatch-rules/{id:guid}", (Guid id, UpsertDispatchRuleRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveDispatchRule(id, body), ct))
            .WithSummary("Replace a dispatch rule");
        write.MapDelete("/dispatch-rules/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteDispatchRule(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a dispatch rule");

        read.MapGet("/sla-policies", (IMediator m, CancellationToken ct) => m.Send(new ListSlaPolicies(), ct)).WithSummary("Accept, contact and reply limits per tier");
        write.MapPut("/sla-policies/{tier}", (Urgency tier, UpsertSlaPolicyRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveSlaPolicy(tier, body), ct))
            .WithSummary("Replace the accept, contact and reply limits of one urgency tier");
        read.MapGet("/sla/preview", (Urgency? tier, DateTimeOffset? from, IMediator m, CancellationToken ct) => m.Send(new PreviewSla(tier, from), ct))
            .WithSummary("The deadlines an order dispatched at `from` would get");

        read.MapGet("/review-rules", (IMediator m, CancellationToken ct) => m.Send(new ListReviewRules(), ct))
            .WithSummary("办结审核 rules: a reply whose order matches any rule waits for a supervisor's review before its callback");
        write.MapPut("/review-rules", (IReadOnlyList<UpsertReviewRuleRequest> rules, IMediator m, CancellationToken ct) => m.Send(new ReplaceReviewRules(rules), ct))
            .WithSummary("Replace the 办结审核 rules (an empty list switches the review off)").ProducesValidationProblem();
        read.MapGet("/calendar/{year:int}", (int year, IMediator m, CancellationToken ct) => m.Send(new GetCalendarYear(year), ct))
            .WithSummary("A year's public holidays and adjusted working days");
        write.MapPut("/calendar/{year:int}", (int year, IReadOnlyList<CalendarDayDto> days, IMediator m, CancellationToken ct) => m.Send(new ReplaceCalendarYear(year, days), ct))
            .WithSummary("Load or replace a year of the statutory calendar");
        return app;
    }
}
