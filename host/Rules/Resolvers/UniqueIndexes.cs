using System.Text.RegularExpressions;

namespace Satchel.Rules.Resolvers;

/// <summary>Reads collection index definitions ("CREATE UNIQUE INDEX … ON t (col)") to tell one-to-one back-relations.</summary>
internal static class UniqueIndexes
{
    private static readonly Regex UniqueIndex = new(
        @"^\s*CREATE\s+UNIQUE\s+INDEX\s+.*?\bON\s+\S+\s*\((?<cols>[^)]*)\)\s*(?<where>WHERE\b.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static bool HasSingleColumnUnique(IEnumerable<string> indexes, string column)
    {
        foreach (var index in indexes)
        {
            var m = UniqueIndex.Match(index);
            if (!m.Success || m.Groups["where"].Success) continue;
            var cols = m.Groups["cols"].Value.Split(',');
            if (cols.Length != 1) continue;
            var name = cols[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('`', '"', '[', ']', '\'');
            if (string.Equals(name, column, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
