using System.Globalization;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;

namespace Satchel.Records;

/// <summary>
/// The paging parameters of a list request, read as PocketBase's search provider reads them:
/// page (default 1), perPage (default 30, at most 1000), skipTotal; a value that is not a number
/// (or not a boolean) is a 400, while out-of-range numbers fall back to the defaults.
/// </summary>
public sealed record RecordListQuery(int Page, int PerPage, bool SkipTotal)
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 1000;

    public long Offset => (Page - 1L) * PerPage;

    public static RecordListQuery From(IQueryCollection query)
    {
        var skipTotal = false;
        if (First(query, "skipTotal") is { } rawSkip) skipTotal = ParseBool(rawSkip);

        long page = 1;
        if (First(query, "page") is { } rawPage) page = ParseInt(rawPage);
        if (page <= 0) page = 1;
        page = Math.Min(page, int.MaxValue);

        long perPage = DefaultPerPage;
        if (First(query, "perPage") is { } rawPerPage) perPage = ParseInt(rawPerPage);
        if (perPage <= 0) perPage = DefaultPerPage;
        else if (perPage > MaxPerPage) perPage = MaxPerPage;

        return new RecordListQuery((int)page, (int)perPage, skipTotal);
    }

    /// <summary>Total pages for a count (PocketBase rounds up).</summary>
    public int TotalPages(long totalItems) => (int)Math.Min(int.MaxValue, (totalItems + PerPage - 1) / PerPage);

    private static string? First(IQueryCollection query, string key)
    {
        var value = query[key].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Go's strconv.Atoi: an optional sign and decimal digits, nothing else.</summary>
    private static long ParseInt(string raw)
        => long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw ApiException.BadRequest();

    /// <summary>Go's strconv.ParseBool.</summary>
    private static bool ParseBool(string raw) => raw switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw ApiException.BadRequest(),
    };
}
