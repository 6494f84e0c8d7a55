using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Satchel.Data;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections.Views;

/// <summary>
/// Infers a view collection's fields from its query: a column that reads a collection field keeps
/// that field's type and settings (a selected <c>id</c> of another table becomes a relation to it),
/// <c>count()</c>/<c>total()</c> and CASTs become numbers, text or bools, and anything else is a
/// json field. The query must select an <c>id</c> column and no <c>*</c>.
/// </summary>
public sealed class ViewFieldInference(IDatabase db, CollectionStore store)
{
    private static readonly Regex CastRegex = new(@"^cast\s*\(.*\s+as\s+(\w+)\s*\)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    public FieldList CreateFields(string query)
    {
        var suggested = Suggest(query);
        return db.Write((_, _) =>
        {
            var info = ViewSchema.QueryColumns(db, query);
            var fields = new List<Field>();
            var hasId = false;
            foreach (var column in info)
            {
                if (column.Name == "id") hasId = true;
                fields.Add(suggested.TryGetValue(column.Name, out var f) ? f.Clone() : DefaultField(column.Name));
            }
            if (!hasId)
                throw new ViewQueryException("missing required id column (you can use `(ROW_NUMBER() OVER()) as id` if you don't have one)");
            return CollectionDefaults.WithDefaultIds(fields);
        });
    }

    public static Field DefaultField(string name) => name == "id"
        ? IdField()
        : FieldSettings.Make("json", name, new JsonObject { ["maxSize"] = 1 });

    private static Field IdField() => FieldSettings.Make("text", "id", new JsonObject
    {
        ["system"] = true, ["required"] = true, ["primaryKey"] = true, ["pattern"] = CollectionDefaults.DefaultIdPattern,
    });

    private Dictionary<string, Field> Suggest(string query)
    {
        ViewQueryParser parsed;
        try { parsed = ViewQueryParser.Parse(query); }
        catch (FormatException e) { throw new ViewQueryException(e.Message, e); }

        var collections = FindCollections(parsed.Tables);
        var main = parsed.Tables.Count > 0 ? parsed.Tables[0] : null;
        var result = new Dictionary<string, Field>(StringComparer.Ordinal);

        foreach (var col in parsed.Columns)
        {
            if (col.Alias == "*")
                throw new ViewQueryException("wildcard columns (*) are not supported - manually type the collection field names you want the view query to have");

            var lower = col.Original.ToLowerInvariant();
            if (col.Alias == "id") { result[col.Alias] = IdField(); continue; }
            if (lower.StartsWith("count(")) { result[col.Alias] = Number(col.Alias, onlyInt: true); continue; }
            if (lower.StartsWith("total(")) { result[col.Alias] = Number(col.Alias, onlyInt: false); continue; }

            var cast = CastRegex.Match(lower);
            if (cast.Success)
            {
                Field? castField = cast.Groups[1].Value switch
                {
                    "real" or "decimal" or "numeric" => Number(col.Alias, onlyInt: false),
                    "int" or "integer" => Number(col.Alias, onlyInt: true),
                    "text" => FieldSettings.Make("text", col.Alias),
                    "boolean" or "bool" => FieldSettings.Make("bool", col.Alias),
                    _ => null,
                };
                if (castField != null) { result[col.Alias] = castField; continue; }
            }

            var parts = col.Original.Split('.');
            string fieldName;
            Collection? collection;
            if (parts.Length == 2)
            {
                fieldName = parts[1];
                collections.TryGetValue(parts[0], out collection);
            }
            else
            {
                fieldName = parts[0];
                collection = main != null && collections.TryGetValue(main.Alias, out var m) ? m : null;
            }

            var source = collection?.Fields.FirstOrDefault(f => f.Name.Equals(fieldName, StringComparison.OrdinalIgnoreCase));
            if (collection == null || source == null)
            {
                result[col.Alias] = DefaultField(col.Alias);
                continue;
            }

            if (fieldName.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                result[col.Alias] = FieldSettings.Make("relation", col.Alias, new JsonObject
                {
                    ["maxSelect"] = 1, ["collectionId"] = collection.Id,
                });
                continue;
            }

            var clone = source.Clone();
            // A fresh id, so the same field selected twice under two aliases stays two fields.
            clone.Id = "_clone_" + SecretGenerator.Random(4);
            clone.Name = col.Alias;
            result[col.Alias] = clone;
        }
        return result;
    }

    private static Field Number(string name, bool onlyInt) => FieldSettings.Make("number", name, new JsonObject { ["onlyInt"] = onlyInt });

    /// <summary>Source tables that are collections, by the alias the query uses for them.</summary>
    private Dictionary<string, Collection> FindCollections(List<QueryIdentifier> tables)
    {
        var result = new Dictionary<string, Collection>(StringComparer.Ordinal);
        var relevant = tables.Where(t => !t.Alias.Contains('(')).ToList();
        if (relevant.Count == 0) return result;
        var all = store.FindAll();
        foreach (var table in relevant)
        {
            var c = all.FirstOrDefault(x => x.Name == table.Original);
            if (c != null) result[table.Alias] = c;
        }
        return result;
    }
}
