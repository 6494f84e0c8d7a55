using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Satchel.Http.Batch;

/// <summary>
/// Finds the endpoint that routing would pick for a method and path, among every endpoint the
/// host and the plugins mapped: by order, then the most specific template (literal segments
/// before parameters before catch-alls), honouring each endpoint's HTTP methods.
/// </summary>
public sealed class EndpointMatcher(EndpointDataSource endpoints)
{
    private readonly ConcurrentDictionary<RouteEndpoint, (TemplateMatcher Matcher, decimal Precedence)> _templates = new();

    public (RouteEndpoint Endpoint, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        var candidates = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } m
                        || m.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase))
            .Select(e => (Endpoint: e, Template: _templates.GetOrAdd(e, Compile)))
            .OrderBy(c => c.Endpoint.Order)
            .ThenBy(c => c.Template.Precedence);

        foreach (var (endpoint, template) in candidates)
        {
            var values = new RouteValueDictionary();
            if (template.Matcher.TryMatch(path, values)) return (endpoint, values);
        }
        return null;
    }

    private static (TemplateMatcher, decimal) Compile(RouteEndpoint endpoint)
    {
        var template = new RouteTemplate(endpoint.RoutePattern);
        var defaults = new RouteValueDictionary(endpoint.RoutePattern.Defaults);
        return (new TemplateMatcher(template, defaults), RoutePrecedence.ComputeInbound(template));
    }
}
