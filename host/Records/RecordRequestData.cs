using System.Text.Json.Nodes;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// The submitted values of a create or update request, resolved the way PocketBase does before
/// any rule runs: every key naming a field, directly or with a modifier ("total+", "+tags",
/// "slug:autogenerate"), is replaced by the field's resulting value under its plain name —
/// so <c>@request.body.total</c> sees the sum — and keys of hidden fields are dropped for
/// non-superusers (the auth password excepted). Other keys (passwordConfirm, oldPassword, …)
/// stay as submitted.
/// </summary>
public static class RecordRequestData
{
    public static Dictionary<string, object?> Resolve(Record record, JsonObject body, bool isSuperuser)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in body) data[key] = value;

        var scratch = record.Clone();
        // Shorter keys first, so "tags" is set before "tags+" appends to it.
        var keys = body.Select(p => p.Key).OrderBy(k => k.Length).ToList();
        foreach (var key in keys)
        {
            var field = FieldModifiers.Target(record.Collection, key);
            if (field == null) continue;
            // engine-managed values: what a client sends for them is ignored
            if (field is not AutodateField && field.Name != SystemFields.TokenKeyName) scratch.Set(key, body[key]?.DeepClone());
            data.Remove(key);
            data[field.Name] = BodyValue(field, scratch.Get(field.Name));
        }

        var isAuth = record.Collection.IsAuth;
        foreach (var field in record.Collection.Fields)
        {
            var keepsPassword = isAuth && field.Name == SystemFields.PasswordName;
            if ((field.Hidden && !isSuperuser && !keepsPassword) || field.Name == SystemFields.TokenKeyName) data.Remove(field.Name);
        }
        return data;
    }

    /// <summary>The resolved value as the rules see it: the JSON form, the plain text for a password.</summary>
    private static JsonNode? BodyValue(Field field, object? value) => value switch
    {
        PasswordValue password => JsonValue.Create(password.Plain),
        _ => field.ToJson(value),
    };
}
