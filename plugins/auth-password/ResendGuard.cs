using System.Collections.Concurrent;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Keeps a record from getting the same kind of email again for two minutes (as PocketBase
/// does): a repeated request within that time answers as usual but sends nothing. Confirming
/// the action lifts the pause. Kept in memory, so a restart forgets it.
/// </summary>
internal sealed class ResendGuard(TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public bool IsPaused(string kind, Record record)
    {
        var key = Key(kind, record);
        if (!_until.TryGetValue(key, out var until)) return false;
        if (until > time.GetUtcNow()) return true;
        _until.TryRemove(KeyValuePair.Create(key, until));
        return false;
    }

    public void Pause(string kind, Record record)
    {
        Prune();
        _until[Key(kind, record)] = time.GetUtcNow() + Duration;
    }

    public void Lift(string kind, Record record) => _until.TryRemove(Key(kind, record), out _);

    private static string Key(string kind, Record record) => kind + ":" + record.Collection.Id + ":" + record.Id;

    /// <summary>Drops the pauses that are over, so the map doesn't grow with every record ever mailed.</summary>
    private void Prune()
    {
        if (_until.Count < 1024) return;
        var now = time.GetUtcNow();
        foreach (var (key, until) in _until)
            if (until <= now) _until.TryRemove(KeyValuePair.Create(key, until));
    }
}
