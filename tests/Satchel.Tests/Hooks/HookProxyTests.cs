using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Tests.Hooks;

public class HookProxyTests
{
    [Fact]
    public void Record_chain_runs_first_then_model_chain_then_core()
    {
        var hooks = new AppHooks();
        var log = new List<string>();
        hooks.OnModelCreate.Bind(e => { log.Add("model"); e.Next(); log.Add("model-after"); });
        hooks.OnRecordCreate.Bind(e => { log.Add("record"); e.Next(); log.Add("record-after"); });

        hooks.OnRecordCreate.TriggerThen(HookTestData.RecordEvent(), hooks.OnModelCreate, _ => log.Add("core"));

        Assert.Equal(new[] { "record", "model", "core", "model-after", "record-after" }, log);
    }

    [Fact]
    public void Record_handler_that_stops_keeps_model_handlers_and_core_from_running()
    {
        var hooks = new AppHooks();
        var log = new List<string>();
        hooks.OnModelUpdate.Bind(e => { log.Add("model"); e.Next(); });
        hooks.OnRecordUpdate.Bind(_ => log.Add("record-stop"));

        hooks.OnRecordUpdate.TriggerThen(HookTestData.RecordEvent(), hooks.OnModelUpdate, _ => log.Add("core"));

        Assert.Equal(new[] { "record-stop" }, log);
    }

    [Fact]
    public void Model_event_of_a_record_carries_the_record_and_its_collection_tags()
    {
        var hooks = new AppHooks();
        var record = HookTestData.Record("posts", "pbc_posts");
        object? model = null;
        string? type = null;
        hooks.OnModelDelete.Bind(e => { model = e.Model; type = e.Type; e.Next(); }, tags: "posts");

        hooks.OnRecordDelete.TriggerThen(new RecordEvent(HookTestData.App(), record, ModelEventType.Delete), hooks.OnModelDelete);

        Assert.Same(record, model);
        Assert.Equal(ModelEventType.Delete, type);
    }

    [Fact]
    public void Model_event_of_a_collection_is_tagged_with_the_collections_table()
    {
        var collection = HookTestData.Collection("posts", "pbc_posts");
        var modelEvent = new CollectionEvent(HookTestData.App(), collection, ModelEventType.Create).ToModelEvent();
        var collectionEvent = new CollectionEvent(HookTestData.App(), collection, ModelEventType.Create);

        Assert.Equal(new[] { "_collections" }, modelEvent.Tags);
        Assert.Equal(new[] { "pbc_posts", "posts" }, collectionEvent.Tags);
    }

    [Fact]
    public void Model_event_of_another_model_is_tagged_with_its_table()
    {
        var e = new ModelEvent(HookTestData.App(), new object(), ModelEventType.Create, tableName: "_logs");
        Assert.Equal(new[] { "_logs" }, e.Tags);
    }

    [Fact]
    public void Error_events_proxy_the_exception_to_the_model_error_hook()
    {
        var hooks = new AppHooks();
        var failure = new InvalidOperationException("db down");
        Exception? seenByModel = null;
        hooks.OnModelAfterCreateError.Bind(e => { seenByModel = e.Error; e.Next(); });

        var e = new RecordErrorEvent(HookTestData.App(), HookTestData.Record(), ModelEventType.Create, failure);
        hooks.OnRecordAfterCreateError.TriggerThen(e, hooks.OnModelAfterCreateError);

        Assert.Same(failure, seenByModel);
    }

    [Fact]
    public void Collection_chain_runs_before_the_model_chain()
    {
        var hooks = new AppHooks();
        var log = new List<string>();
        hooks.OnModelValidate.Bind(e => { log.Add("model:" + ((Collection)e.Model).Name); e.Next(); });
        hooks.OnCollectionValidate.Bind(e => { log.Add("collection"); e.Next(); });

        var e = new CollectionEvent(HookTestData.App(), HookTestData.Collection("posts", "p1"), ModelEventType.Validate);
        hooks.OnCollectionValidate.TriggerThen(e, hooks.OnModelValidate, _ => log.Add("core"));

        Assert.Equal(new[] { "collection", "model:posts", "core" }, log);
    }
}
