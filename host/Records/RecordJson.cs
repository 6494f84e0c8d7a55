using System.Text.Json.Nodes;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// A record's API JSON, as PocketBase exports it: collectionId, collectionName, every visible
/// field and expand, with keys in byte order. Password and tokenKey are never exported; an auth
/// record's email only when emailVisibility is on or the record says to ignore it.
/// </summary>
public static class RecordJson
{
    public static JsonObject ToJson(Record record)
    {
        var export = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in record.Collection.Fields)
        {
            if (field.Hidden && !record.ShowHiddenFields) continue;
            // a password reads as "" once saved (PocketBase keeps no plain text); its hash never leaves
            export[field.Name] = field is PasswordField ? "" : field.ToJson(record.Get(field.Name));
        }

        if (record.Collection.IsAuth)
        {
            export.Remove("password");
            export.Remove("tokenKey");
            if (!record.IgnoreEmailVisibility && !record.GetBool("emailVisibility")) export.Remove("email");
        }

        export["collectionId"] = record.Collection.Id;
        export["collectionName"] = record.Collection.Name;

        if (record.Expand.Count > 0 || record.ExportEmptyExpand)
        {
            var expand = new JsonObject();
            foreach (var (key, value) in record.Expand.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                expand[key] = value switch
                {
                    Record r => ToJson(r),
                    IEnumerable<Record> many => new JsonArray(many.Select(r => (JsonNode?)ToJson(r)).ToArray()),
                    _ => null,
                };
            }
            export["expand"] = expand;
        }

        var json = new JsonObject();
        foreach (var (k, v) in export) json[k] = v;
        return json;
    }
}
