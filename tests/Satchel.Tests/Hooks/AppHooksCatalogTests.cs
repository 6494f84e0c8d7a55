using System.Reflection;
using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class AppHooksCatalogTests
{
    /// <summary>
    /// Every hook of PocketBase's "Event hooks" reference (its onXxx names, PascalCased), plus OnServe
    /// from the Go API. A hook missing from AppHooks — or misspelt — fails the tests below.
    /// </summary>
    public static readonly string[] PocketBaseHooks =
    {
        // app
        "OnBootstrap", "OnServe", "OnSettingsReload", "OnBackupCreate", "OnBackupRestore", "OnTerminate",
        // mailer
        "OnMailerSend", "OnMailerRecordAuthAlertSend", "OnMailerRecordPasswordResetSend",
        "OnMailerRecordVerificationSend", "OnMailerRecordEmailChangeSend", "OnMailerRecordOTPSend",
        // realtime
        "OnRealtimeConnectRequest", "OnRealtimeSubscribeRequest", "OnRealtimeMessageSend",
        // record model
        "OnRecordEnrich", "OnRecordValidate",
        "OnRecordCreate", "OnRecordCreateExecute", "OnRecordAfterCreateSuccess", "OnRecordAfterCreateError",
        "OnRecordUpdate", "OnRecordUpdateExecute", "OnRecordAfterUpdateSuccess", "OnRecordAfterUpdateError",
        "OnRecordDelete", "OnRecordDeleteExecute", "OnRecordAfterDeleteSuccess", "OnRecordAfterDeleteError",
        // collection model
        "OnCollectionValidate",
        "OnCollectionCreate", "OnCollectionCreateExecute", "OnCollectionAfterCreateSuccess", "OnCollectionAfterCreateError",
        "OnCollectionUpdate", "OnCollectionUpdateExecute", "OnCollectionAfterUpdateSuccess", "OnCollectionAfterUpdateError",
        "OnCollectionDelete", "OnCollectionDeleteExecute", "OnCollectionAfterDeleteSuccess", "OnCollectionAfterDeleteError",
        // record requests
        "OnRecordsListRequest", "OnRecordViewRequest", "OnRecordCreateRequest", "OnRecordUpdateRequest", "OnRecordDeleteRequest",
        "OnRecordAuthRequest", "OnRecordAuthRefreshRequest", "OnRecordAuthWithPasswordRequest", "OnRecordAuthWithOAuth2Request",
        "OnRecordRequestPasswordResetRequest", "OnRecordConfirmPasswordResetRequest",
        "OnRecordRequestVerificationRequest", "OnRecordConfirmVerificationRequest",
        "OnRecordRequestEmailChangeRequest", "OnRecordConfirmEmailChangeRequest",
        "OnRecordRequestOTPRequest", "OnRecordAuthWithOTPRequest",
        // batch, files
        "OnBatchRequest", "OnFileDownloadRequest", "OnFileTokenRequest",
        // collection requests
        "OnCollectionsListRequest", "OnCollectionViewRequest", "OnCollectionCreateRequest",
        "OnCollectionUpdateRequest", "OnCollectionDeleteRequest", "OnCollectionsImportRequest",
        // settings requests
        "OnSettingsListRequest", "OnSettingsUpdateRequest",
        // base model
        "OnModelValidate",
        "OnModelCreate", "OnModelCreateExecute", "OnModelAfterCreateSuccess", "OnModelAfterCreateError",
        "OnModelUpdate", "OnModelUpdateExecute", "OnModelAfterUpdateSuccess", "OnModelAfterUpdateError",
        "OnModelDelete", "OnModelDeleteExecute", "OnModelAfterDeleteSuccess", "OnModelAfterDeleteError",
    };

    private static PropertyInfo[] HookProperties() => typeof(AppHooks)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Hook<>))
        .ToArray();

    [Fact]
    public void Every_pocketbase_hook_exists_on_AppHooks()
    {
        var names = HookProperties().Select(p => p.Name).ToHashSet();
        var missing = PocketBaseHooks.Where(n => !names.Contains(n)).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void AppHooks_has_no_hook_pocketbase_does_not_have()
    {
        var extra = HookProperties().Select(p => p.Name).Except(PocketBaseHooks).ToArray();
        Assert.Empty(extra);
        Assert.Equal(83, PocketBaseHooks.Distinct().Count());
    }

    [Fact]
    public void Every_hook_is_initialised_and_distinct()
    {
        var hooks = new AppHooks();
        var values = HookProperties().Select(p => p.GetValue(hooks)).ToArray();
        Assert.All(values, Assert.NotNull);
        Assert.Equal(values.Length, values.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Error_hooks_carry_the_exception()
    {
        foreach (var p in HookProperties().Where(p => p.Name.EndsWith("Error")))
            Assert.True(typeof(IErrorEvent).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]), p.Name);
    }

    [Theory]
    [InlineData("OnRecord")]
    [InlineData("OnCollection")]
    [InlineData("OnModel")]
    [InlineData("OnMailerRecord")]
    [InlineData("OnFile")]
    public void Collection_and_record_hooks_are_taggable(string prefix)
    {
        // Collection-list and import requests are about many collections, so they carry no tags.
        var untaggable = new[] { "OnCollectionsListRequest", "OnCollectionsImportRequest" };
        var hooks = HookProperties().Where(p => p.Name.StartsWith(prefix) && !untaggable.Contains(p.Name)).ToArray();

        Assert.NotEmpty(hooks);
        foreach (var p in hooks)
            Assert.True(typeof(ITaggedEvent).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]), p.Name);
    }

    [Fact]
    public void Request_hooks_receive_request_events()
    {
        foreach (var p in HookProperties().Where(p => p.Name.EndsWith("Request") || p.Name == "OnRealtimeMessageSend"))
            Assert.True(typeof(RequestEvent).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]), p.Name);
    }

    [Fact]
    public void Hooks_can_be_found_by_their_js_name_and_bound_untyped()
    {
        var hooks = new AppHooks();
        var hook = hooks.Find("onRecordCreate");

        Assert.Same(hooks.OnRecordCreate, hook);
        Assert.Equal(typeof(RecordEvent), hook!.EventType);
        Assert.Null(hooks.Find("onNothing"));
        Assert.Equal(83, hooks.All.Count);

        var seen = new List<string>();
        hook.Bind(e => { seen.Add(((RecordEvent)e).Record.Collection.Name); e.Next(); }, tags: "posts");
        hooks.OnRecordCreate.Trigger(HookTestData.RecordEvent("posts", "p"));
        hooks.OnRecordCreate.Trigger(HookTestData.RecordEvent("users", "u"));

        Assert.Equal(new[] { "posts" }, seen);
    }
}
