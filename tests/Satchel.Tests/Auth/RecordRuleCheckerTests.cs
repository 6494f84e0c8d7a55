using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Http;

namespace Satchel.Tests.Auth;

/// <summary>Rules evaluated against one stored record, with PocketBase's CanAccessRecord shortcuts.</summary>
public class RecordRuleCheckerTests : IClassFixture<FixtureApp>
{
    private readonly FixtureApp _fixture;
    private readonly RecordRuleChecker _rules;

    public RecordRuleCheckerTests(FixtureApp fixture)
    {
        _fixture = fixture;
        _rules = new RecordRuleChecker(fixture.App);
    }

    private static HttpContext Guest() => new DefaultHttpContext();

    private HttpContext Superuser()
    {
        var http = new DefaultHttpContext();
        http.SetAuth(_fixture.App.FindRecordById("_superusers", FixtureAuth.SuperuserId));
        return http;
    }

    [Fact]
    public void Null_rule_lets_only_superusers_through()
    {
        var client = _fixture.App.FindRecordById("clients", FixtureAuth.ClientId)!;
        Assert.False(_rules.CanAccess(Guest(), client, null));
        Assert.True(_rules.CanAccess(Superuser(), client, null));
    }

    [Fact]
    public void Empty_rule_lets_everyone_through()
    {
        var client = _fixture.App.FindRecordById("clients", FixtureAuth.UnverifiedClientId)!;
        Assert.True(_rules.CanAccess(Guest(), client, ""));
    }

    [Fact]
    public void Rule_is_evaluated_against_the_stored_record()
    {
        var verified = _fixture.App.FindRecordById("clients", FixtureAuth.ClientId)!;
        var unverified = _fixture.App.FindRecordById("clients", FixtureAuth.UnverifiedClientId)!;

        Assert.True(_rules.CanAccess(Guest(), verified, "verified=true"));
        Assert.False(_rules.CanAccess(Guest(), unverified, "verified=true"));
        Assert.True(_rules.CanAccess(Superuser(), unverified, "verified=true"));
    }

    [Fact]
    public void Matches_has_no_superuser_shortcut()
    {
        var client = _fixture.App.FindRecordById("clients", FixtureAuth.ClientId)!;
        Assert.False(_rules.Matches(Superuser(), client, "1=2"));
        Assert.True(_rules.Matches(Superuser(), client, "id != ''"));
    }

    [Fact]
    public void Request_context_is_visible_to_the_rule()
    {
        var client = _fixture.App.FindRecordById("clients", FixtureAuth.ClientId)!;
        var http = Guest();
        Assert.False(_rules.Matches(http, client, "@request.context = 'password'"));

        http.SetRequestContext(RequestContext.PasswordAuth);
        Assert.True(_rules.Matches(http, client, "@request.context = 'password'"));
    }

    [Fact]
    public void Request_auth_is_visible_to_the_rule()
    {
        var client = _fixture.App.FindRecordById("clients", FixtureAuth.ClientId)!;
        Assert.False(_rules.Matches(Guest(), client, "@request.auth.id != ''"));
        Assert.True(_rules.Matches(Superuser(), client, "@request.auth.id != ''"));
    }
}
