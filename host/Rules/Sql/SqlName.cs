namespace Satchel.Rules.Sql;

/// <summary>Quotes SQLite identifiers with backticks (unlike double quotes, an unknown backticked name is never taken for a string).</summary>
public static class SqlName
{
    public static string Quote(string name) => "`" + name.Replace("`", "``") + "`";

    /// <summary><c>`alias`.`column`</c>.</summary>
    public static string Column(string alias, string column) => Quote(alias) + "." + Quote(column);

    /// <summary>Keeps letters, digits and underscores: used to derive join aliases from names.</summary>
    public static string Clean(string name) => new(name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
}
