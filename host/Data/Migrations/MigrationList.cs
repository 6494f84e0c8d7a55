using Satchel.Data;

namespace Satchel.Data.Migrations;

/// <summary>Migrations kept in file-name order (ordinal), each name at most once.</summary>
public sealed class MigrationList
{
    private readonly SortedDictionary<string, Migration> _byFile = new(StringComparer.Ordinal);

    public MigrationList() { }

    public MigrationList(IEnumerable<Migration> migrations)
    {
        foreach (var m in migrations) Add(m);
    }

    public void Add(Migration migration)
    {
        if (string.IsNullOrWhiteSpace(migration.File))
            throw new ArgumentException("a migration needs a file name");
        if (!_byFile.TryAdd(migration.File, migration))
            throw new ArgumentException($"migration \"{migration.File}\" is registered twice");
    }

    public void AddRange(IEnumerable<Migration> migrations)
    {
        foreach (var m in migrations) Add(m);
    }

    public IReadOnlyCollection<Migration> Items => _byFile.Values;

    public IReadOnlyCollection<string> Files => _byFile.Keys;

    public Migration? Find(string file) => _byFile.GetValueOrDefault(file);
}
