using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Core;
using Satchel.Http;
using Satchel.Models;
using Satchel.Records;
using Satchel.Rules.Resolvers;

namespace Satchel.Auth;

/// <summary>
/// The record of an auth response, as its owner sees it: enriched as if the record itself made
/// the request (the email is always shown, a superuser also sees its hidden fields — password and
/// tokenKey never leave the server), with the relations asked for in <c>?expand</c>.
/// </summary>
public static class AuthRecordJson
{
    public static JsonObject Render(HttpContext http, Record record)
    {
        var app = http.RequestServices.GetRequiredService<SatchelApp>();
        var info = RequestInfoFactory.From(http);
        var asOwner = new RequestInfo
        {
            Context = info.Context,
            Method = info.Method,
            Headers = info.Headers,
            Query = info.Query,
            Body = info.Body,
            Auth = record,
        };
        var expand = http.Request.Query["expand"].FirstOrDefault();
        new RecordEnricher(app, http, asOwner).Enrich([record], string.IsNullOrEmpty(expand) ? [] : expand.Split(','));
        record.IgnoreEmailVisibility = true;
        return RecordJson.ToJson(record);
    }
}
