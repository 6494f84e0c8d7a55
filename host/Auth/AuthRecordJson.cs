using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// The record of an auth response, as its owner sees it: the email is always shown, a superuser
/// also sees its hidden fields, and password and tokenKey never leave the server.
/// </summary>
public static class AuthRecordJson
{
    public static JsonObject Render(HttpContext http, Record record)
    {
        var all = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in record.Collection.Fields)
        {
            if (field.Hidden && !record.Collection.IsSuperusers) continue;
            if (field.Name is "password" or "tokenKey") continue;
            all[field.Name] = field.ToJson(record.Get(field.Name));
        }
        all["collectionId"] = record.Collection.Id;
        all["collectionName"] = record.Collection.Name;
        var json = new JsonObject();
        foreach (var (k, v) in all) json[k] = v;
        return json;
    }
}
