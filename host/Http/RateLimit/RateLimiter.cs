using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Settings;

namespace Satchel.Http.RateLimit;

/// <summary>
/// PocketBase's rate limiter over settings.rateLimits. The settings are read into a snapshot
/// whenever they are (re)loaded, which also resets every counter, so a change applies to the
/// next request. Requests of superusers and of excluded IPs are never limited; the others count
/// per client IP (see <see cref="ClientIp"/>) against the rule their labels select.
/// </summary>
public sealed class RateLimiter : IRateLimiter
{
    public const string SettingsHookId = "__satchelRateLimiterSettings__";

    private readonly IApp _app;
    private volatile Snapshot? _snapshot;

    public RateLimiter(IApp app, TimeProvider? time = null)
    {
        _app = app;
        Counters = new RateLimitCounters(time ?? TimeProvider.System);
        app.Hooks.OnSettingsReload.Bind(e =>
        {
            e.Next();
            Reload();
        }, id: SettingsHookId);
    }

    public RateLimitCounters Counters { get; }

    /// <summary>Rereads the settings and forgets every counter.</summary>
    public void Reload()
    {
        _snapshot = new Snapshot(_app.Settings);
        Counters.Clear();
    }

    private Snapshot Current => _snapshot ?? (_snapshot = new Snapshot(_app.Settings));

    /// <summary>The client IP of the request, honouring the trusted proxy settings.</summary>
    public string ClientIpOf(HttpContext http) => ClientIp.Real(http, Current.Proxy);

    /// <summary>Checks a request to a route without collection tags: its labels are "METHOD /path" and "/path".</summary>
    public void CheckPath(HttpContext http)
    {
        var s = Current;
        if (Skip(http, s, out var client)) return;
        var rule = RateLimitRuleMatcher.Find(s.Rules, PathLabels(http), RateLimitRuleMatcher.Audiences(http.GetAuth() != null));
        if (rule != null) Count(rule.Label + rule.Audience, client, rule);
    }

    public void CheckCollection(HttpContext http, Collection collection, params string[] tags)
    {
        var s = Current;
        if (Skip(http, s, out var client)) return;

        var labels = new List<string>(tags.Length * 2 + 2);
        foreach (var tag in tags) labels.Add(collection.Name + ":" + tag);
        foreach (var tag in tags) labels.Add("*:" + tag);
        labels.AddRange(PathLabels(http));

        var rule = RateLimitRuleMatcher.Find(s.Rules, labels, RateLimitRuleMatcher.Audiences(http.GetAuth() != null));
        if (rule == null) return;
        // Each collection route keeps its own counters, even when a shared rule such as "*:auth" matched.
        var route = http.GetEndpoint() is RouteEndpoint re ? http.Request.Method + " " + re.RoutePattern.RawText : "";
        Count(collection.Id + route + string.Concat(tags) + rule.Audience, client, rule);
    }

    private bool Skip(HttpContext http, Snapshot s, out string client)
    {
        client = "";
        if (!s.Enabled || http.IsSuperuser()) return true;
        client = ClientIp.Real(http, s.Proxy);
        // Without an address there is nothing to count by.
        return client == "" || s.Excluded.Contains(client);
    }

    private void Count(string limiterId, string client, RateLimitRule rule)
    {
        if (!Counters.TryConsume(limiterId, client, rule.MaxRequests, rule.Duration)) throw ApiException.TooManyRequests();
    }

    private static string[] PathLabels(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        return new[] { http.Request.Method + " " + path, path };
    }

    /// <summary>The parts of the settings the limiter needs, copied once per settings load.</summary>
    private sealed class Snapshot(AppSettings settings)
    {
        public bool Enabled { get; } = settings.RateLimits.Enabled;
        public IReadOnlyList<RateLimitRule> Rules { get; } = settings.RateLimits.Rules.ToList();
        public IpRanges Excluded { get; } = new(settings.RateLimits.ExcludedIPs);
        public TrustedProxySettings Proxy { get; } = settings.TrustedProxy;
    }
}
