using Hotline.Contracts;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Knowledge.ImportArticles;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using Shouldly;

namespace Hotline.UnitTests.Knowledge;

public sealed class KnowledgeArticleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Editor = new(Guid.NewGuid(), "kb", [Roles.KnowledgeEditor], null);
    private static readonly Actor Supervisor = new(Guid.NewGuid(), "supervisor", [Roles.Supervisor], null);

    private static ArticleContent Content(string title = "停水查询") =>
        ArticleContent.Create(title, "计划停水可在官网查询。", KnowledgeAudience.Public, ["停水"], null, null, null, null, null, null);

    [Fact]
    public void Review_Should_Publish_When_AnotherPersonApproves()
    {
        var article = KnowledgeArticle.Draft(Guid.NewGuid(), Content(), null, Editor, Now);
        article.Submit(1, Editor, Now);

        article.Review(true, null, 2, Supervisor, Now);

        article.Status.ShouldBe(ArticleStatus.Published);
        article.PublishedVersion.ShouldBe(3);
        article.Versions.Select(v => v.Change).ShouldBe([ArticleChange.Created, ArticleChange.Submitted, ArticleChange.Published]);
    }

    [Fact]
    public void Review_Should_BeRefused_When_TheReviewerWroteTheContent()
    {
        var admin = new Actor(Guid.NewGuid(), "admin", [Roles.Admin], null);
        var article = KnowledgeArticle.Draft(Guid.NewGuid(), Content(), null, admin, Now);
        article.Submit(1, admin, Now);

        Should.Throw<ActorNotPermittedException>(() => article.Review(true, null, 2, admin, Now));
    }

    [Fact]
    public void Review_Should_RequireANote_When_SendingBack()
    {
        var article = KnowledgeArticle.Draft(Guid.NewGuid(), Content(), null, Editor, Now);
        article.Submit(1, Editor, Now);

        Should.Throw<DomainException>(() => article.Review(false, " ", 2, Supervisor, Now));
        article.Review(false, "请补充办理地点", 2, Supervisor, Now);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.ReviewNote.ShouldBe("请补充办理地点");
    }

    [Fact]
    public void Edit_Should_KeepThePublishedVersionLive_Until_TheNewOneIsApproved()
    {
        var article = KnowledgeArticle.Imported(Guid.NewGuid(), Content(), "KB1", Editor, Now);

        article.Edit(Content("停水查询（新）"), 1, Editor, Now.AddDays(1));

        article.Status.ShouldBe(ArticleStatus.Draft);
        article.IsLive.ShouldBeTrue();
        article.Published!.Title.ShouldBe("停水查询");
        article.Latest.Title.ShouldBe("停水查询（新）");
    }

    [Fact]
    public void Edit_Should_BeRefused_When_TheVersionIsStale()
    {
        var article = KnowledgeArticle.Draft(Guid.NewGuid(), Content(), null, Editor, Now);
        article.Edit(Content("第二版"), 1, Editor, Now);

        Should.Throw<StaleArticleVersionException>(() => article.Edit(Content("第三版"), 1, Editor, Now));
    }

    [Fact]
    public void Reimport_Should_ChangeNothing_When_TheContentIsTheSame()
    {
        var article = KnowledgeArticle.Imported(Guid.NewGuid(), Content(), "KB1", Editor, Now);

        article.ReimportWith(Content(), Editor, Now).ShouldBeFalse();
        article.ReimportWith(Content("新标题"), Editor, Now).ShouldBeTrue();
        article.Version.ShouldBe(2);
        article.PublishedVersion.ShouldBe(2);
    }

    [Fact]
    public void Retire_Should_KeepEveryVersion()
    {
        var article = KnowledgeArticle.Imported(Guid.NewGuid(), Content(), "KB1", Editor, Now);

        article.Retire("政策废止", 1, Supervisor, Now);

        article.IsLive.ShouldBeFalse();
        article.Versions.Count.ShouldBe(2);
        Should.Throw<DomainException>(() => article.ReimportWith(Content("再导入"), Editor, Now));
    }

    [Theory]
    [InlineData("""{"externalId":"K1","title":"t","body":"b","audience":"PUBLIC"}""", null)]
    [InlineData("""{"externalId":"K1","title":"t","body":"b","audience":"citizens"}""", "audience")]
    [InlineData("""{"title":"t","body":"b","audience":"public"}""", "externalId")]
    [InlineData("""{"externalId":"K1","title":"t","body":"b","audience":"public","validFrom":"2026-02-01T00:00:00Z","validTo":"2026-01-01T00:00:00Z"}""", "validTo")]
    public async Task Exchange_Should_NameTheWrongField(string line, string? field)
    {
        var errors = new List<Hotline.Contracts.Knowledge.ImportError>();
        var item = (await ArticleExchange.ParseAsync(line, jsonLines: true, errors, TestContext.Current.CancellationToken)).Single().Item;

        var problem = ArticleExchange.Check(item);

        if (field is null)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().ShouldContain(field);
        }
    }

    [Fact]
    public async Task Exchange_Should_ReportTheLineNumber_When_ALineIsNotJson()
    {
        var errors = new List<Hotline.Contracts.Knowledge.ImportError>();

        var items = await ArticleExchange.ParseAsync("{\"externalId\":\"a\"}\n\n{not json\n", jsonLines: true, errors, TestContext.Current.CancellationToken);

        items.Count.ShouldBe(1);
        errors.Single().Line.ShouldBe(3);
    }
}
