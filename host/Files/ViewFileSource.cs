using System.Text.RegularExpressions;
using Dapper;
using Satchel.Data;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Files;

/// <summary>
/// A view collection's files belong to the records of the collections its query reads from. This
/// finds the record that holds a given file name in one of its file fields, among the (non-view)
/// collections the view query names — through views of views, up to five levels deep.
/// </summary>
public static class ViewFileSource
{
    private const int MaxDepth = 5;

    public static Record? Find(IApp app, Collection view, string filename)
    {
        foreach (var source in SourceCollections(app, view, 1))
        {
            foreach (var field in source.Fields.OfType<FileField>())
            {
                var table = Sql.Quote(source.Name);
                var column = Sql.Quote(field.Name);
                var sql = field.IsMultiple
                    ? $"SELECT id FROM {table} WHERE EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({column}) THEN {column} ELSE '[]' END) WHERE value = @name) LIMIT 1"
                    : $"SELECT id FROM {table} WHERE {column} = @name LIMIT 1";
                var id = app.Db.Read(conn => conn.ExecuteScalar<string?>(sql, new { name = filename }));
                if (id != null) return app.FindRecordById(source.Id, id);
            }
        }
        return null;
    }

    private static IEnumerable<Collection> SourceCollections(IApp app, Collection view, int depth)
    {
        if (depth > MaxDepth) yield break;
        foreach (var c in app.FindAllCollections())
        {
            if (c.Id == view.Id || !NamesTable(view.ViewQuery, c.Name)) continue;
            if (!c.IsView) { yield return c; continue; }
            foreach (var nested in SourceCollections(app, c, depth + 1)) yield return nested;
        }
    }

    /// <summary>Whether the query mentions the table as a whole identifier (quoted or not).</summary>
    private static bool NamesTable(string query, string table)
        => Regex.IsMatch(query, $"(?<![A-Za-z0-9_]){Regex.Escape(table)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase);
}
