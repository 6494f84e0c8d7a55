using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Models;
using Satchel.Records;

namespace Satchel.Auth;

/// <summary>
/// The record of an auth response, as its owner sees it: the email is always shown and a
/// superuser also sees its hidden fields (password and tokenKey never leave the server).
/// </summary>
public static class AuthRecordJson
{
    public static JsonObject Render(HttpContext http, Record record)
    {
        // A copy, so the response flags never leak into the record the hooks keep using.
        var view = record.Clone();
        view.ShowHiddenFields = record.Collection.IsSuperusers;
        view.IgnoreEmailVisibility = true;
        return RecordJson.ToJson(view);
    }
}
