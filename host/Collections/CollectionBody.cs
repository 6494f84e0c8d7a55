using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>
/// Reads a collection from the API's JSON shape and applies submitted JSON on top of an existing
/// collection the way PocketBase binds a request body: nested option objects are merged key by
/// key (so secrets that are never sent back keep their values), arrays of option objects are
/// merged element by element, and the "fields" and "indexes" lists are replaced as a whole.
/// </summary>
public static class CollectionBody
{
    public const string InvalidFormat = "Failed to load the submitted data due to invalid formatting.";

    /// <summary>The submitted JSON applied on top of <paramref name="existing"/>, as a new collection object.</summary>
    public static Collection Apply(Collection existing, JsonObject body)
    {
        var merged = FullJson(existing);
        foreach (var (key, value) in body)
        {
            if (key is "fields" or "indexes") merged[key] = value?.DeepClone();
            else merged[key] = MergeNode(merged[key], value);
        }
        return FromJson(merged);
    }

    /// <summary>The API shape of the collection including its token and OAuth2 client secrets.</summary>
    public static JsonObject FullJson(Collection c)
    {
        var json = CollectionJson.ToApiJson(c);
        if (c.IsAuth && c.Auth != null)
        {
            foreach (var (k, v) in CollectionJson.OptionsJson(c).ToList())
                json[k] = v?.DeepClone();
        }
        return json;
    }

    /// <summary>Reads the API shape; throws a 400 when a value has the wrong JSON type.</summary>
    public static Collection FromJson(JsonObject json)
    {
        try
        {
            var c = new Collection
            {
                Id = Str(json, "id"),
                Name = Str(json, "name"),
                Type = Str(json, "type"),
                System = json["system"] is { } s && s.GetValue<bool>(),
                ListRule = Rule(json, "listRule"),
                ViewRule = Rule(json, "viewRule"),
                CreateRule = Rule(json, "createRule"),
                UpdateRule = Rule(json, "updateRule"),
                DeleteRule = Rule(json, "deleteRule"),
                Created = Str(json, "created"),
                Updated = Str(json, "updated"),
                ViewQuery = Str(json, "viewQuery"),
                Fields = Fields(json["fields"]),
                Indexes = json["indexes"] is JsonArray idx ? idx.Select(n => n?.GetValue<string>() ?? "").ToList() : new List<string>(),
            };
            if (c.IsAuth)
            {
                var options = new JsonObject();
                foreach (var (k, v) in json)
                {
                    if (!CommonKeys.Contains(k)) options[k] = v?.DeepClone();
                }
                c.Auth = options.Deserialize<AuthOptions>(CollectionJson.Options) ?? new AuthOptions();
            }
            return c;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            throw ApiException.BadRequest(InvalidFormat);
        }
    }

    private static readonly HashSet<string> CommonKeys =
    [
        "id", "name", "type", "system", "listRule", "viewRule", "createRule", "updateRule", "deleteRule",
        "created", "updated", "fields", "indexes", "viewQuery",
    ];

    private static FieldList Fields(JsonNode? node)
    {
        var fields = new List<Field>();
        if (node is null) return new FieldList();
        if (node is not JsonArray array) throw new FormatException("fields must be an array");
        foreach (var item in array)
        {
            if (item is not JsonObject obj) throw new FormatException("a field must be an object");
            var field = FieldRegistry.FromJson(obj) ?? throw new FormatException($"missing or unknown field type in {obj.ToJsonString()}");
            fields.Add(field);
        }
        // Fields without an id get PocketBase's derived one (replacing an earlier field of the same name).
        return CollectionDefaults.WithDefaultIds(fields);
    }

    private static string Str(JsonObject json, string key) => json[key] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"{key} must be a string"),
    };

    private static string? Rule(JsonObject json, string key) => json[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"{key} must be a string or null"),
    };

    /// <summary>Objects merge key by key, arrays of objects element by element; anything else is replaced.</summary>
    private static JsonNode? MergeNode(JsonNode? existing, JsonNode? patch)
    {
        if (existing is JsonObject eo && patch is JsonObject po)
        {
            var result = (JsonObject)eo.DeepClone();
            foreach (var (k, v) in po) result[k] = MergeNode(result[k], v);
            return result;
        }
        if (existing is JsonArray ea && patch is JsonArray pa && pa.All(x => x is JsonObject))
        {
            var result = new JsonArray();
            for (var i = 0; i < pa.Count; i++)
                result.Add(i < ea.Count && ea[i] is JsonObject ? MergeNode(ea[i], pa[i]) : pa[i]?.DeepClone());
            return result;
        }
        return patch?.DeepClone();
    }
}
