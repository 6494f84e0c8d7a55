namespace Satchel.Rules.Syntax;

/// <summary>
/// Parses PocketBase's sort syntax: comma separated fields, each optionally prefixed with "-"
/// (descending) or "+" (ascending, the default). An empty entry such as in "a,,b" is an error
/// because it cannot be resolved to a column.
/// </summary>
public static class SortParser
{
    /// <summary>PocketBase's limit on sort fields per request.</summary>
    public const int MaxFields = 8;

    /// <summary>PocketBase's limit on one sort field's length.</summary>
    public const int MaxFieldLength = 255;

    public static IReadOnlyList<SortField> Parse(string? sort)
    {
        if (string.IsNullOrEmpty(sort)) return [];
        var parts = sort.Split(',');
        if (parts.Length > MaxFields)
            throw new FilterException($"too many sort fields (max {MaxFields})");

        var fields = new List<SortField>(parts.Length);
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            var direction = SortDirection.Asc;
            if (part.StartsWith('-')) { direction = SortDirection.Desc; part = part[1..]; }
            else if (part.StartsWith('+')) part = part[1..];

            if (part.Length == 0) throw new FilterException("empty sort field");
            if (part.Length > MaxFieldLength) throw new FilterException($"sort field longer than {MaxFieldLength} characters");
            fields.Add(new SortField(part, direction));
        }
        return fields;
    }

    /// <summary>True when a sort field reads <c>@request.*</c> or <c>@collection.*</c> (superusers only).</summary>
    public static bool UsesRequestOrCollection(IEnumerable<SortField> fields)
        => fields.Any(f => FilterNode.IsRequestOrCollection(f.Name));
}
