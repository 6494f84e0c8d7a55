using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http.Batch;

namespace Satchel.Http.Api;

/// <summary>
/// POST /api/batch: up to settings.batch.maxRequests record creates, updates, upserts and deletes
/// in one data.db transaction — all of them or none. Each runs through its normal endpoint (hooks
/// and rules included); the first failure rolls everything back and is reported under its index.
/// </summary>
public static class BatchApi
{
    /// <summary>PocketBase's batch body limit when settings.batch.maxBodySize is 0.</summary>
    public const long DefaultMaxBodySize = 128L << 20;

    /// <summary>The transaction time limit when settings.batch.timeout is 0.</summary>
    public const int DefaultTimeoutSeconds = 3;

    public static void Map(WebApplication web) => web.MapPost("/api/batch", Handle);

    private static async Task Handle(HttpContext http, IApp app, EndpointDataSource endpoints, ILoggerFactory loggers)
    {
        var settings = app.Settings.Batch;
        if (!settings.Enabled || settings.MaxRequests <= 0) throw ApiException.Forbidden("Batch requests are not allowed.");

        var maxBodySize = settings.MaxBodySize > 0 ? settings.MaxBodySize : DefaultMaxBodySize;
        if (http.Request.ContentLength > maxBodySize) throw ApiException.TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBodySize;

        var requests = await BatchRequestReader.ReadAsync(http, maxBodySize, settings.MaxRequests);
        var timeout = TimeSpan.FromSeconds(settings.Timeout > 0 ? settings.Timeout : DefaultTimeoutSeconds);
        var runner = new InternalRequestRunner(new EndpointMatcher(endpoints), loggers.CreateLogger("Satchel.Batch"));

        var e = new BatchRequestEvent(app, http, requests);
        // Hook handlers are synchronous, so the core step waits for the batch to finish.
        app.Hooks.OnBatchRequest.Trigger(e, ev =>
        {
            var results = RunAsync(ev, runner, timeout).GetAwaiter().GetResult();
            ev.Json(StatusCodes.Status200OK, results);
        });
        await RequestEventResponse.WriteAsync(e);
    }

    private static async Task<JsonArray> RunAsync(BatchRequestEvent e, InternalRequestRunner runner, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(e.Http.RequestAborted);
        deadline.CancelAfter(timeout);

        return await e.App.Db.WriteAsync(async (_, _) =>
        {
            var results = new JsonArray();
            for (var i = 0; i < e.Batch.Count; i++)
            {
                if (deadline.IsCancellationRequested) throw Interrupted();

                var request = e.Batch[i];
                InternalResponse response;
                if (!BatchActions.TryResolve(e.App, request))
                    response = new InternalResponse(StatusCodes.Status400BadRequest,
                        System.Text.Json.JsonSerializer.SerializeToNode(ApiJson.ErrorBody(ApiException.BadRequest()), ApiJson.Options));
                else
                    response = await runner.RunAsync(e.Http, request, deadline.Token);

                if (response.Failed) throw RequestFailed(i, response);
                if (deadline.IsCancellationRequested) throw Interrupted();
                results.Add(new JsonObject { ["body"] = response.Body, ["status"] = response.Status });
            }
            return results;
        });
    }

    /// <summary>PocketBase's answer for a failed sub-request: its index, code and the sub-request's own error body.</summary>
    private static ApiException RequestFailed(int index, InternalResponse response)
    {
        var item = new Dictionary<string, object>
        {
            ["code"] = "batch_request_failed",
            ["message"] = "Batch request failed.",
            ["response"] = (object?)response.Body ?? new JsonObject(),
        };
        var requests = new Dictionary<string, object> { [index.ToString()] = item };
        return ApiException.BadRequest("Batch transaction failed.", new Dictionary<string, object> { ["requests"] = requests });
    }

    /// <summary>The time limit passed or the client went away: everything is rolled back.</summary>
    private static ApiException Interrupted() => ApiException.BadRequest("Batch transaction failed.");
}
