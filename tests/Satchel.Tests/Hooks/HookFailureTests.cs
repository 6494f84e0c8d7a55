using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Hooks;

public class HookFailureTests
{
    private static RecordErrorEvent ErrorEvent(Record record, Exception ex)
        => new(HookTestData.App(), record, ModelEventType.Create, ex);

    [Fact]
    public void Failure_triggers_the_error_hook_with_the_exception_and_is_rethrown()
    {
        var hooks = new AppHooks();
        var record = HookTestData.Record();
        Exception? seen = null;
        Record? seenRecord = null;
        hooks.OnRecordAfterCreateError.Bind(e => { seen = e.Error; seenRecord = e.Record; e.Next(); });
        var failure = ApiException.BadRequest("Failed to create record.");

        var thrown = Assert.Throws<ApiException>(() =>
            hooks.OnRecordAfterCreateError.TriggerOnFailure(() => throw failure, ex => ErrorEvent(record, ex)));

        Assert.Same(failure, thrown);
        Assert.Same(failure, seen);
        Assert.Same(record, seenRecord);
    }

    [Fact]
    public void Success_does_not_trigger_the_error_hook_and_returns_the_result()
    {
        var hooks = new AppHooks();
        var fired = false;
        hooks.OnRecordAfterCreateError.Bind(e => { fired = true; e.Next(); });

        var result = hooks.OnRecordAfterCreateError.TriggerOnFailure(() => 42, ex => ErrorEvent(HookTestData.Record(), ex));

        Assert.Equal(42, result);
        Assert.False(fired);
    }

    [Fact]
    public void Original_failure_wins_when_an_error_handler_throws_too()
    {
        var hooks = new AppHooks();
        var handlerError = new InvalidOperationException("handler broke");
        hooks.OnRecordAfterCreateError.Bind(_ => throw handlerError);
        var failure = new TimeoutException("locked");

        var thrown = Assert.Throws<TimeoutException>(() =>
            hooks.OnRecordAfterCreateError.TriggerOnFailure(() => throw failure, ex => ErrorEvent(HookTestData.Record(), ex)));

        Assert.Same(failure, thrown);
        Assert.Same(handlerError, thrown.Data[HookFailure.HandlerErrorKey]);
    }

    [Fact]
    public void Final_step_chains_the_model_error_hook()
    {
        var hooks = new AppHooks();
        var log = new List<string>();
        hooks.OnRecordAfterCreateError.Bind(e => { log.Add("record"); e.Next(); });
        hooks.OnModelAfterCreateError.Bind(e => { log.Add("model:" + e.Error.Message); e.Next(); });

        Assert.Throws<InvalidOperationException>(() => hooks.OnRecordAfterCreateError.TriggerOnFailure(
            () => throw new InvalidOperationException("boom"),
            ex => ErrorEvent(HookTestData.Record(), ex),
            re => hooks.OnModelAfterCreateError.Trigger((ModelErrorEvent)re.ToModelEvent())));

        Assert.Equal(new[] { "record", "model:boom" }, log);
    }
}
