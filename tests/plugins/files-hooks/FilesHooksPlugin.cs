using System.Text.Json.Nodes;
using Satchel.Errors;
using Satchel.Plugins;

namespace Satchel.TestPlugins.FilesHooks;

/// <summary>
/// OnFileDownloadRequest: "?describe=1" answers what would be served as JSON instead of the file;
/// "?rename=1" sets its own Content-Disposition before the file is served.
/// OnBatchRequest: refuses a batch whose first request's body has title "refuse", and rewrites
/// the title "rewrite-me" to "rewritten" before the requests run.
/// </summary>
public sealed class FilesHooksPlugin : IPlugin
{
    public string Name => "files-hooks";

    public void Configure(IPluginContext context)
    {
        var hooks = context.App.Hooks;

        hooks.OnFileDownloadRequest.Bind(e =>
        {
            var query = e.Http.Request.Query;
            if (query["describe"] == "1")
            {
                e.Json(200, new JsonObject
                {
                    ["collection"] = e.Collection.Name,
                    ["record"] = e.Record.Id,
                    ["field"] = e.FileField.Name,
                    ["servedPath"] = e.ServedPath,
                    ["servedName"] = e.ServedName,
                    ["thumbError"] = e.ThumbError?.Message,
                });
                return;
            }
            if (query["rename"] == "1") e.Http.Response.Headers["Content-Disposition"] = "attachment; filename=renamed.bin";
            e.Next();
        });

        hooks.OnBatchRequest.Bind(e =>
        {
            foreach (var request in e.Batch)
            {
                if (request.Body.GetValueOrDefault("title") is JsonValue v && v.TryGetValue<string>(out var title))
                {
                    if (title == "refuse") throw ApiException.BadRequest("Refused by a hook.");
                    if (title == "rewrite-me") request.Body["title"] = JsonValue.Create("rewritten");
                }
            }
            e.Next();
        });
    }
}
