using System.Text.RegularExpressions;
using Dapper;
using Satchel.Data;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Files;

/// <summary>
/// A view collection's files belong to the records of the collections its query reads from. This
/// finds the record that holds a given file name in one of its file fields, among the (non-view)
/// collections the view query names.
/// </summary>
public static class ViewFileSource
{
    public static Record? Find(IApp app, Collection view, string filename)
    {
        foreach (var source in app.FindAllCollections(CollectionType.Base, CollectionType.Auth))
        {
            if (!NamesTable(view.ViewQuery, source.Name)) continue;
            foreach (var field in source.Fields.OfType<FileField>())
            {
                var table = Sql.Quote(source.Name);
                var column = Sql.Quote(field.Name);
                var sql = field.IsMultiple
                    ? $"SELECT * FROM {table} WHERE EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({column}) THEN {column} ELSE '[]' END) WHERE value = @name) LIMIT 1"
                    : $"SELECT * FROM {table} WHERE {column} = @name LIMIT 1";
                var row = app.Db.Read(conn => conn.QueryFirstOrDefault(sql, new { name = filename }) as IDictionary<string, object?>);
                if (row != null && row.TryGetValue("id", out var id) && id is string recordId)
                    return app.FindRecordById(source.Id, recordId);
            }
        }
        return null;
    }

    /// <summary>Whether the query mentions the table as a whole identifier (quoted or not).</summary>
    private static bool NamesTable(string query, string table)
        => Regex.IsMatch(query, $"(?<![A-Za-z0-9_]){Regex.Escape(table)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase);
}
