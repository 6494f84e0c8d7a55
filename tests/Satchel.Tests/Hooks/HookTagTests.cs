using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookTagTests
{
    [Fact]
    public void Tagged_handler_fires_only_for_events_of_its_collection()
    {
        var hook = new Hook<RecordEvent>();
        var seen = new List<string>();
        hook.Bind(e => { seen.Add("tagged:" + e.Record.Collection.Name); e.Next(); }, tags: "posts");

        hook.Trigger(HookTestData.RecordEvent("posts", "pbc_posts"));
        hook.Trigger(HookTestData.RecordEvent("users", "pbc_users"));

        Assert.Equal(new[] { "tagged:posts" }, seen);
    }

    [Fact]
    public void Tag_may_be_the_collection_id()
    {
        var hook = new Hook<RecordEvent>();
        var count = 0;
        hook.Bind(e => { count++; e.Next(); }, tags: "pbc_posts");

        hook.Trigger(HookTestData.RecordEvent("posts", "pbc_posts"));
        hook.Trigger(HookTestData.RecordEvent("other", "pbc_other"));

        Assert.Equal(1, count);
    }

    [Fact]
    public void Handler_with_several_tags_fires_for_any_of_them()
    {
        var hook = new Hook<RecordEvent>();
        var seen = new List<string>();
        hook.Bind(e => { seen.Add(e.Record.Collection.Name); e.Next(); }, 0, null, "users", "articles");

        foreach (var name in new[] { "users", "posts", "articles" })
            hook.Trigger(HookTestData.RecordEvent(name, "pbc_" + name));

        Assert.Equal(new[] { "users", "articles" }, seen);
    }

    [Fact]
    public void Untagged_handler_fires_for_every_collection()
    {
        var hook = new Hook<RecordEvent>();
        var count = 0;
        hook.Bind(e => { count++; e.Next(); });

        hook.Trigger(HookTestData.RecordEvent("posts", "a"));
        hook.Trigger(HookTestData.RecordEvent("users", "b"));

        Assert.Equal(2, count);
    }

    [Fact]
    public void Skipped_tagged_handler_does_not_stop_the_chain()
    {
        // A non-matching handler that never calls Next must not block the handlers after it.
        var hook = new Hook<TaggedLogEvent>();
        hook.Bind(e => e.Log.Add("users-only"), priority: 0, tags: "users");
        hook.Bind(e => { e.Log.Add("all"); e.Next(); }, priority: 1);

        var ev = new TaggedLogEvent("posts", "pbc_posts");
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "all", "core" }, ev.Log);
    }

    [Fact]
    public void Tagged_handler_never_fires_for_an_untagged_event_type()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => e.Log.Add("tagged"), tags: "posts");

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "core" }, ev.Log);
    }

    [Fact]
    public void Tags_are_case_sensitive()
    {
        var hook = new Hook<TaggedLogEvent>();
        hook.Bind(e => { e.Log.Add("tagged"); e.Next(); }, tags: "Posts");

        var ev = new TaggedLogEvent("posts");
        hook.Trigger(ev);

        Assert.Empty(ev.Log);
    }
}
