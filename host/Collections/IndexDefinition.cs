using System.Text;
using System.Text.RegularExpressions;

namespace Satchel.Collections;

/// <summary>One column (or expression) of an index, with its optional collation and sort order.</summary>
public sealed record IndexColumn(string Name, string Collate = "", string Sort = "");

/// <summary>
/// A parsed <c>CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE expr]</c>
/// statement. Collections keep their indexes as such strings; the table name in them is always
/// rewritten to the collection's name, so renames need no index edits.
/// </summary>
public sealed class IndexDefinition
{
    private static readonly Regex IndexRegex = new(
        @"create\s+(unique\s+)?\s*index\s*(if\s+not\s+exists\s+)?(\S*)\s+on\s+(\S*)\s*\(([\s\S]*)\)(?:\s*where\s+([\s\S]*))?",
        RegexOptions.IgnoreCase | RegexOptions.Multiline);

    private static readonly Regex ColumnRegex = new(
        @"^([\s\S]+?)(?:\s+collate\s+([\w]+))?(?:\s+(asc|desc))?$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline);

    private const string TrimChars = "`\"'[]\r\n\t\f\v ";

    public string SchemaName { get; set; } = "";
    public string IndexName { get; set; } = "";
    public string TableName { get; set; } = "";
    public string Where { get; set; } = "";
    public List<IndexColumn> Columns { get; set; } = new();
    public bool Unique { get; set; }
    public bool Optional { get; set; }

    public bool IsValid => IndexName != "" && TableName != "" && Columns.Count > 0;

    public static IndexDefinition Parse(string sql)
    {
        var result = new IndexDefinition();
        var m = IndexRegex.Match(sql ?? "");
        if (!m.Success) return result;

        result.Unique = m.Groups[1].Value.Trim() != "";
        result.Optional = m.Groups[2].Value.Trim() != "";

        List<string> nameParts;
        try { nameParts = SqlSplitter.Split(m.Groups[3].Value, '.'); }
        catch (FormatException) { nameParts = new List<string> { m.Groups[3].Value }; }
        if (nameParts.Count == 2)
        {
            result.SchemaName = nameParts[0].Trim(TrimChars.ToCharArray());
            result.IndexName = nameParts[1].Trim(TrimChars.ToCharArray());
        }
        else if (nameParts.Count > 0)
        {
            result.IndexName = nameParts[0].Trim(TrimChars.ToCharArray());
        }

        result.TableName = m.Groups[4].Value.Trim(TrimChars.ToCharArray());

        List<string> rawColumns;
        try { rawColumns = SqlSplitter.Split(m.Groups[5].Value, ','); }
        catch (FormatException) { rawColumns = new List<string>(); }
        foreach (var raw in rawColumns)
        {
            var cm = ColumnRegex.Match(raw);
            if (!cm.Success) continue;
            var name = cm.Groups[1].Value.Trim(TrimChars.ToCharArray());
            if (name == "") continue;
            result.Columns.Add(new IndexColumn(name, cm.Groups[2].Value.Trim(), cm.Groups[3].Value.ToUpperInvariant()));
        }

        result.Where = m.Groups[6].Value.Trim();
        return result;
    }

    /// <summary>The normalised CREATE INDEX statement, or "" when the definition is incomplete.</summary>
    public string Build()
    {
        if (!IsValid) return "";
        var sb = new StringBuilder("CREATE ");
        if (Unique) sb.Append("UNIQUE ");
        sb.Append("INDEX ");
        if (Optional) sb.Append("IF NOT EXISTS ");
        if (SchemaName != "") sb.Append('`').Append(SchemaName).Append("`.");
        sb.Append('`').Append(IndexName).Append("` ON `").Append(TableName).Append("` (");
        var multi = Columns.Count > 1;
        if (multi) sb.Append("\n  ");
        var any = false;
        foreach (var col in Columns)
        {
            var name = col.Name.Trim();
            if (name == "") continue;
            if (any) sb.Append(",\n  ");
            // Expressions are written as given; plain identifiers are quoted.
            if (col.Name.Contains('(') || col.Name.Contains(' ')) sb.Append(name);
            else sb.Append('`').Append(name).Append('`');
            if (col.Collate != "") sb.Append(" COLLATE ").Append(col.Collate);
            if (col.Sort != "") sb.Append(' ').Append(col.Sort.ToUpperInvariant());
            any = true;
        }
        if (any && multi) sb.Append('\n');
        sb.Append(')');
        if (Where != "") sb.Append(" WHERE ").Append(Where);
        return sb.ToString();
    }

    public IndexDefinition Clone() => new()
    {
        SchemaName = SchemaName, IndexName = IndexName, TableName = TableName, Where = Where,
        Columns = new List<IndexColumn>(Columns), Unique = Unique, Optional = Optional,
    };

    /// <summary>The first unique index over exactly this one column (case-insensitive), if any.</summary>
    public static IndexDefinition? FindSingleColumnUnique(IEnumerable<string> indexes, string column)
    {
        foreach (var raw in indexes)
        {
            var idx = Parse(raw);
            if (idx.Unique && idx.Columns.Count == 1 && string.Equals(idx.Columns[0].Name, column, StringComparison.OrdinalIgnoreCase))
                return idx;
        }
        return null;
    }
}
