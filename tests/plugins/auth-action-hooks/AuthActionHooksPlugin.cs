using System.Text.Json.Nodes;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Plugins;

namespace Satchel.TestPlugins.AuthActionHooks;

/// <summary>
/// Binds every record auth action request hook. A request carrying "X-Hook-Probe: &lt;hook name&gt;"
/// is answered by that hook with 200 <c>{"hook","collection","record",…}</c> without calling Next,
/// so the core step (saving, sending mail) never runs; other requests pass through.
/// </summary>
public sealed class AuthActionHooksPlugin : IPlugin
{
    public string Name => "auth-action-hooks";

    public void Configure(IPluginContext context)
    {
        var hooks = context.App.Hooks;
        Probe(hooks.OnRecordRequestVerificationRequest, "OnRecordRequestVerificationRequest", e => (e.Record, null));
        Probe(hooks.OnRecordConfirmVerificationRequest, "OnRecordConfirmVerificationRequest", e => (e.Record, null));
        Probe(hooks.OnRecordRequestPasswordResetRequest, "OnRecordRequestPasswordResetRequest", e => (e.Record, null));
        Probe(hooks.OnRecordConfirmPasswordResetRequest, "OnRecordConfirmPasswordResetRequest", e => (e.Record, null));
        Probe(hooks.OnRecordRequestEmailChangeRequest, "OnRecordRequestEmailChangeRequest", e => (e.Record, e.NewEmail));
        Probe(hooks.OnRecordConfirmEmailChangeRequest, "OnRecordConfirmEmailChangeRequest", e => (e.Record, e.NewEmail));
        Probe(hooks.OnRecordRequestOTPRequest, "OnRecordRequestOTPRequest", e => (e.Record, e.Password.Length.ToString()));
        Probe(hooks.OnRecordAuthWithOTPRequest, "OnRecordAuthWithOTPRequest", e => (e.Record, e.Otp.Id));
    }

    private static void Probe<T>(Hook<T> hook, string name, Func<T, (Record? Record, string? Extra)> describe) where T : CollectionBoundRequestEvent
        => hook.Bind(e =>
        {
            if (e.Http.Request.Headers["X-Hook-Probe"].ToString() != name)
            {
                e.Next();
                return;
            }
            var (record, extra) = describe(e);
            e.Json(200, new JsonObject
            {
                ["hook"] = name,
                ["collection"] = e.Collection.Name,
                ["record"] = record?.Id,
                ["extra"] = extra,
            });
        });
}
