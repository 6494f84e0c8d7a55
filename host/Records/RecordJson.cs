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
        var collection = record.Collection;
        var hideEmail = collection.IsAuth && !record.IgnoreEmailVisibility && !record.GetBool("emailVisibility");
        var export = new List<KeyValuePair<string, JsonNode?>>(collection.Fields.Count + 3);
        foreach (var field in collection.Fields)
        {
            if (field.Hidden && !record.ShowHiddenFields) continue;
            if (collection.IsAuth && (field.Name is "password" or "tokenKey" || (hideEmail && field.Name == "email"))) continue;
            // reserved field names (CommonSettingRules.ReservedNames); a foreign schema's field must not clash with the record's own keys
            if (field.Name is "collectionId" or "collectionName" or "expand") continue;
            // a password reads as "" once saved (PocketBase keeps no plain text); its hash never leaves
            export.Add(new(field.Name, field is PasswordField ? "" : field.ToJson(record.Get(field.Name))));
        }

        export.Add(new("collectionId", collection.Id));
        export.Add(new("collectionName", collection.Name));

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
            export.Add(new("expand", expand));
        }

        export.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var json = new JsonObject();
        foreach (var (key, value) in export) json[key] = value;
        return json;
    }
}
