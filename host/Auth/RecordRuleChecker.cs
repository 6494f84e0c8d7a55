using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>Runs an API rule against one stored record: <c>SELECT 1 FROM table WHERE id = @id AND (rule)</c>.</summary>
public sealed class RecordRuleChecker(IApp app) : IRecordRuleChecker
{
    public bool CanAccess(HttpContext http, Record record, string? rule)
    {
        if (http.IsSuperuser()) return true;
        if (rule == null) return false;
        if (rule.Trim() == "") return true;
        return Matches(http, record, rule);
    }

    public bool Matches(HttpContext http, Record record, string rule)
    {
        if (rule.Trim() == "") return true;
        return false;
    }
}
