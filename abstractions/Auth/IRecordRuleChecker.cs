using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// Evaluates an API rule (PocketBase's filter syntax, with <c>@request.*</c> taken from the
/// current request) against one stored record.
/// </summary>
public interface IRecordRuleChecker
{
    /// <summary>
    /// PocketBase's CanAccessRecord: true for a superuser request, false for a null rule, true for
    /// an empty rule, otherwise whether the record satisfies the rule.
    /// </summary>
    bool CanAccess(HttpContext http, Record record, string? rule);

    /// <summary>Whether the record satisfies a non-empty rule, without the superuser shortcut.</summary>
    bool Matches(HttpContext http, Record record, string rule);
}
