using Satchel.Errors;

namespace Satchel.Rules;

/// <summary>
/// PocketBase lets only superusers use <c>@collection.*</c> and <c>@request.*</c> in the
/// <c>filter</c> and <c>sort</c> query parameters. Like PocketBase the check is a plain text
/// search, so it also catches the words inside quoted strings.
/// </summary>
public static class SuperuserOnlyFilters
{
    private static readonly string[] Prefixes = ["@collection.", "@request."];

    /// <summary>The first superuser-only prefix found in any of the values, or null.</summary>
    public static string? FindPrefix(params string?[] values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value)) continue;
            foreach (var prefix in Prefixes)
                if (value.Contains(prefix, StringComparison.Ordinal)) return prefix;
        }
        return null;
    }

    /// <summary>Throws PocketBase's 403 when a non-superuser's filter or sort uses a superuser-only prefix.</summary>
    public static void Check(bool isSuperuser, string? filter, string? sort)
    {
        if (isSuperuser) return;
        if (FindPrefix(filter, sort) is { } prefix)
            throw ApiException.Forbidden("Only superusers can filter by " + prefix);
    }
}
