using Satchel.Settings;

namespace Satchel.Http.RateLimit;

/// <summary>
/// Picks the rule for a request's labels, as PocketBase does: labels are tried in order (most
/// specific first); for each label an exact rule label wins, then the first rule (in settings
/// order) whose label ends with "/" and prefixes the label followed by "/". Only rules of one of
/// the allowed audiences count.
/// </summary>
public static class RateLimitRuleMatcher
{
    public static RateLimitRule? Find(IReadOnlyList<RateLimitRule> rules, IReadOnlyList<string> labels, IReadOnlyList<string> audiences)
    {
        var prefixRules = rules.Where(r => r.Label.EndsWith('/')).ToList();
        foreach (var label in labels)
        {
            foreach (var rule in rules)
                if (rule.Label == label && audiences.Contains(rule.Audience)) return rule;

            // "/api/" covers "/api" itself as well as everything below it.
            var asPrefix = label + "/";
            foreach (var rule in prefixRules)
                if (asPrefix.StartsWith(rule.Label, StringComparison.Ordinal) && audiences.Contains(rule.Audience)) return rule;
        }
        return null;
    }

    /// <summary>The audiences a request may be limited as: everyone's rules plus the guest or the auth ones.</summary>
    public static IReadOnlyList<string> Audiences(bool authenticated) => authenticated ? AuthAudiences : GuestAudiences;

    private static readonly string[] AuthAudiences = { RateLimitRule.AudienceAll, RateLimitRule.AudienceAuth };
    private static readonly string[] GuestAudiences = { RateLimitRule.AudienceAll, RateLimitRule.AudienceGuest };
}
