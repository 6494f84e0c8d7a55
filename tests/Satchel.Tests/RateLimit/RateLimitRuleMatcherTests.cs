using Satchel.Http.RateLimit;
using Satchel.Settings;

namespace Satchel.Tests.RateLimit;

/// <summary>Which rule a request's labels select, and in what precedence.</summary>
public sealed class RateLimitRuleMatcherTests
{
    private static RateLimitRule R(string label, string audience = "") => new() { Label = label, Audience = audience, Duration = 1, MaxRequests = 1 };

    private static readonly List<RateLimitRule> PathRules = new()
    {
        R("/rate/"), R("/rate/b"), R("POST /rate/b"), R("/rate/guest", "@guest"), R("/rate/auth", "@auth"),
    };

    private static string? Find(IReadOnlyList<RateLimitRule> rules, bool auth, params string[] labels)
    {
        var rule = RateLimitRuleMatcher.Find(rules, labels, RateLimitRuleMatcher.Audiences(auth));
        return rule == null ? null : rule.Label + rule.Audience;
    }

    private static string[] PathLabels(string method, string path) => new[] { method + " " + path, path };

    [Theory]
    [InlineData("GET", "/norate", false, null)]
    [InlineData("GET", "/rate/a", false, "/rate/")]
    [InlineData("GET", "/rate", false, "/rate/")]
    [InlineData("GET", "/rate/b", false, "/rate/b")]
    [InlineData("POST", "/rate/b", false, "POST /rate/b")]
    [InlineData("GET", "/rate/b/deeper", false, "/rate/")]
    [InlineData("GET", "/rate/auth", false, "/rate/")]
    [InlineData("GET", "/rate/auth", true, "/rate/auth@auth")]
    [InlineData("GET", "/rate/guest", false, "/rate/guest@guest")]
    [InlineData("GET", "/rate/guest", true, "/rate/")]
    public void Paths_match_exactly_then_by_prefix_with_the_method_form_first(string method, string path, bool auth, string? expected)
        => Assert.Equal(expected, Find(PathRules, auth, PathLabels(method, path)));

    [Fact]
    public void A_method_prefix_rule_only_covers_that_method()
    {
        var rules = new List<RateLimitRule> { R("POST /api/"), R("/api/") };
        Assert.Equal("POST /api/", Find(rules, false, PathLabels("POST", "/api/batch")));
        Assert.Equal("/api/", Find(rules, false, PathLabels("GET", "/api/batch")));
    }

    [Fact]
    public void Among_prefix_rules_the_first_in_the_settings_wins_not_the_longest()
    {
        var rules = new List<RateLimitRule> { R("/api/"), R("/api/collections/") };
        Assert.Equal("/api/", Find(rules, false, PathLabels("GET", "/api/collections/users/records")));
    }

    [Fact]
    public void A_label_without_a_trailing_slash_is_exact()
    {
        var rules = new List<RateLimitRule> { R("/api/batch") };
        Assert.Null(Find(rules, false, PathLabels("POST", "/api/batch/x")));
        Assert.Equal("/api/batch", Find(rules, false, PathLabels("POST", "/api/batch")));
    }

    private static string[] AuthWithPassword() => new[]
    {
        "users:authWithPassword", "users:auth", "*:authWithPassword", "*:auth",
        "POST /api/collections/users/auth-with-password", "/api/collections/users/auth-with-password",
    };

    [Theory]
    [InlineData(new[] { "abc", "*:authWithPassword", "users:auth", "users:authWithPassword" }, "users:authWithPassword")]
    [InlineData(new[] { "abc", "*:auth", "*:authWithPassword" }, "*:authWithPassword")]
    [InlineData(new[] { "abc", "*:authWithPassword", "users:auth" }, "users:auth")]
    [InlineData(new[] { "abc", "*:auth" }, "*:auth")]
    [InlineData(new[] { "/api/", "*:auth" }, "*:auth")]
    [InlineData(new[] { "/api/", "clients:auth" }, "/api/")]
    [InlineData(new[] { "abc" }, null)]
    public void Collection_tags_come_before_wildcard_tags_and_paths(string[] labels, string? expected)
    {
        var rules = labels.Select(l => R(l)).ToList();
        Assert.Equal(expected, Find(rules, false, AuthWithPassword()));
    }

    [Fact]
    public void A_tag_rule_for_another_audience_falls_through_to_the_next_label()
    {
        var rules = new List<RateLimitRule> { R("users:auth", "@auth"), R("*:auth", "@guest") };
        Assert.Equal("*:auth@guest", Find(rules, false, AuthWithPassword()));
        Assert.Equal("users:auth@auth", Find(rules, true, AuthWithPassword()));
    }
}
