using Moq;
using Satchel.Hooks;
using Satchel.Models;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Hooks;

/// <summary>Small builders shared by the hook tests.</summary>
internal static class HookTestData
{
    public static IApp App() => Mock.Of<IApp>();

    public static Collection Collection(string name, string id) => new() { Name = name, Id = id };

    public static Record Record(string collection = "posts", string id = "pbc_posts")
        => new(Collection(collection, id));

    public static RecordEvent RecordEvent(string collection = "posts", string id = "pbc_posts")
        => new(App(), Record(collection, id), ModelEventType.Create);
}

/// <summary>An untagged event that records what ran.</summary>
internal sealed class LogEvent : HookEvent
{
    public List<string> Log { get; } = new();
}

/// <summary>A tagged event that records what ran.</summary>
internal sealed class TaggedLogEvent(params string[] tags) : HookEvent, ITaggedEvent
{
    public List<string> Log { get; } = new();
    public IEnumerable<string> Tags => tags;
}
