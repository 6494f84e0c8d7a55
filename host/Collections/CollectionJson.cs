using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>
/// Converts collections to and from their two JSON forms: the <c>_collections</c> row
/// (fields/options/indexes columns) and the API shape (flat, with auth options inlined and
/// every secret left out).
/// </summary>
public static class CollectionJson
{
    internal static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The row of <c>_collections</c> as read with Dapper (column → value).</summary>
    public static Collection FromRow(IDictionary<string, object?> row)
    {
        var c = new Collection
        {
            Id = Str(row, "id"),
            Name = Str(row, "name"),
            Type = Str(row, "type") is { Length: > 0 } t ? t : CollectionType.Base,
            System = row.TryGetValue("system", out var s) && s is long l ? l != 0 : s is true,
            ListRule = Rule(row, "listRule"),
            ViewRule = Rule(row, "viewRule"),
            CreateRule = Rule(row, "createRule"),
            UpdateRule = Rule(row, "updateRule"),
            DeleteRule = Rule(row, "deleteRule"),
            Created = Str(row, "created"),
            Updated = Str(row, "updated"),
        };
        c.Fields = ParseFields(JsonNode.Parse(Str(row, "fields") is { Length: > 0 } f ? f : "[]") as JsonArray);
        c.Indexes = (JsonNode.Parse(Str(row, "indexes") is { Length: > 0 } i ? i : "[]") as JsonArray)?
            .Select(n => n?.GetValue<string>() ?? "").Where(x => x != "").ToList() ?? new();
        var options = JsonNode.Parse(Str(row, "options") is { Length: > 0 } o ? o : "{}") as JsonObject ?? new JsonObject();
        ApplyOptions(c, options);
        return c;
    }

    /// <summary>Column values for inserting/updating the <c>_collections</c> row.</summary>
    public static Dictionary<string, object?> ToRow(Collection c) => new()
    {
        ["id"] = c.Id,
        ["system"] = c.System,
        ["type"] = c.Type,
        ["name"] = c.Name,
        ["fields"] = FieldsJson(c).ToJsonString(),
        ["listRule"] = c.ListRule,
        ["viewRule"] = c.ViewRule,
        ["createRule"] = c.CreateRule,
        ["updateRule"] = c.UpdateRule,
        ["deleteRule"] = c.DeleteRule,
        ["options"] = OptionsJson(c).ToJsonString(),
        ["indexes"] = new JsonArray(c.Indexes.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()).ToJsonString(),
        ["created"] = c.Created,
        ["updated"] = c.Updated,
    };

    public static FieldList ParseFields(JsonArray? array)
    {
        var list = new FieldList();
        if (array == null) return list;
        foreach (var node in array)
        {
            if (node is JsonObject o && FieldRegistry.FromJson(o) is { } field) list.Add(field);
        }
        return list;
    }

    public static JsonArray FieldsJson(Collection c) => new(c.Fields.Select(f => (JsonNode?)f.ToJsonObject()).ToArray());

    /// <summary>The type specific options as stored in the row.</summary>
    public static JsonObject OptionsJson(Collection c)
    {
        if (c.IsView) return new JsonObject { ["viewQuery"] = c.ViewQuery };
        if (c.IsAuth && c.Auth != null) return (JsonObject)JsonSerializer.SerializeToNode(c.Auth, Options)!;
        return new JsonObject();
    }

    public static void ApplyOptions(Collection c, JsonObject options)
    {
        if (c.IsView) c.ViewQuery = options["viewQuery"]?.GetValue<string>() ?? "";
        if (c.IsAuth) c.Auth = options.Deserialize<AuthOptions>(Options) ?? new AuthOptions();
    }

    /// <summary>The API shape of a collection. Token secrets and OAuth2 client secrets are never included.</summary>
    public static JsonObject ToApiJson(Collection c)
    {
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["listRule"] = c.ListRule,
            ["viewRule"] = c.ViewRule,
            ["createRule"] = c.CreateRule,
            ["updateRule"] = c.UpdateRule,
            ["deleteRule"] = c.DeleteRule,
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["fields"] = FieldsJson(c),
            ["indexes"] = new JsonArray(c.Indexes.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["system"] = c.System,
            ["created"] = c.Created,
            ["updated"] = c.Updated,
        };
        if (c.IsView) json["viewQuery"] = c.ViewQuery;
        if (c.IsAuth && c.Auth != null)
        {
            var opts = (JsonObject)JsonSerializer.SerializeToNode(c.Auth, Options)!;
            foreach (var name in new[] { "authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken" })
                (opts[name] as JsonObject)?.Remove("secret");
            if (opts["oauth2"]?["providers"] is JsonArray providers)
                foreach (var p in providers.OfType<JsonObject>()) p.Remove("clientSecret");
            else if (opts["oauth2"] is JsonObject oauth2)
                oauth2["providers"] = new JsonArray(); // always a list in the API, as in PocketBase
            foreach (var (k, v) in opts.ToList())
            {
                opts.Remove(k);
                json[k] = v;
            }
        }
        return json;
    }

    private static string? Rule(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) && v is not null and not DBNull ? Data.Sql.Text(v) : null;

    private static string Str(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) ? Data.Sql.Text(v) : "";
}
