namespace Satchel.Rules.Sql;

/// <summary>
/// SQLite JSON expressions that also accept non-JSON column values, because multi-valued
/// columns may hold a bare string (a single id) and JSON fields may hold plain text.
/// </summary>
public static class JsonSql
{
    /// <summary><c>json_each</c> over a column that holds a JSON array, or one plain value.</summary>
    public static string Each(string column)
        => $"json_each(CASE WHEN iif(json_valid({column}), json_type({column})='array', FALSE) THEN {column} ELSE json_array({column}) END)";

    /// <summary>Number of items of an array column; 0 for NULL or ''.</summary>
    public static string ArrayLength(string column)
        => $"json_array_length(CASE WHEN iif(json_valid({column}), json_type({column})='array', FALSE) THEN {column} ELSE (CASE WHEN {column} = '' OR {column} IS NULL THEN json_array() ELSE json_array({column}) END) END)";

    /// <summary>
    /// <c>json_extract</c> at <paramref name="path"/> (e.g. "a.b", "[0].c", "" for the whole value);
    /// a non-JSON value is wrapped in an object first so it can still be read.
    /// </summary>
    public static string Extract(string column, string path)
    {
        if (path != "" && !path.StartsWith('[')) path = "." + path;
        return $"(CASE WHEN json_valid({column}) THEN JSON_EXTRACT({column}, '${path}') ELSE JSON_EXTRACT(json_object('pb', {column}), '$.pb{path}') END)";
    }
}
