using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Satchel.Core;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Rules.Resolvers;

namespace Satchel.Records;

/// <summary>
/// Prepares records for an answer to one requester, as PocketBase's EnrichRecords does: the
/// <c>OnRecordEnrich</c> hook fires for every record (its handlers wrap the default enrichment,
/// which runs once all of them called Next), then the visibility flags are set and the requested
/// relations are expanded — expanded records go through the same hook, flags and the related
/// collection's viewRule.
/// </summary>
public sealed class RecordEnricher(SatchelApp app, HttpContext? http, RequestInfo request)
{
    /// <summary>Enriching nests one hook chain per record; past this many records it runs on a thread with a larger stack.</summary>
    private const int NestedChainsOnCallerStack = 200;

    public void Enrich(IReadOnlyList<Record> records, IEnumerable<string> expands)
    {
        var paths = expands.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        TriggerEnrichHooks(records, () =>
        {
            RecordVisibility.Resolve(app, records, request);
            if (paths.Count == 0) return;
            var expandRequest = new RequestInfo
            {
                Context = Satchel.Http.RequestContext.Expand,
                Method = request.Method,
                Headers = request.Headers,
                Query = request.Query,
                Body = request.Body,
                Auth = request.Auth,
            };
            var fetcher = new RuleExpandFetcher(app, new RecordEnricher(app, http, expandRequest), expandRequest);
            RecordExpander.Expand(records, paths, fetcher, app.FindCollectionByNameOrId);
        });
    }

    /// <summary>The enrichment of records fetched for an expand: hooks and flags.</summary>
    internal void EnrichExpanded(IReadOnlyList<Record> records)
        => TriggerEnrichHooks(records, () => RecordVisibility.Resolve(app, records, request));

    private void TriggerEnrichHooks(IReadOnlyList<Record> records, Action finalizer)
    {
        if (records.Count == 0) return;
        var hook = app.Hooks.OnRecordEnrich;
        if (hook.Count == 0)
        {
            finalizer();
            return;
        }

        // Each record's chain runs the next record's chain as its innermost step, the last one the finalizer.
        void From(int i)
        {
            var e = new RecordEnrichEvent(app, records[i], request.Auth, http);
            hook.Trigger(e, _ =>
            {
                if (i + 1 < records.Count) From(i + 1); else finalizer();
            });
        }

        if (records.Count <= NestedChainsOnCallerStack)
        {
            From(0);
            return;
        }
        RunWithLargeStack(() => From(0));
    }

    private static void RunWithLargeStack(Action action)
    {
        ExceptionDispatchInfo? failure = null;
        // The thread inherits the caller's execution context, so an open write transaction is still seen.
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        }, maxStackSize: 256 << 20);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
