using System.Text.Json.Serialization;

namespace Satchel.Http;

/// <summary>A paginated list response: {"page","perPage","totalItems","totalPages","items"}.</summary>
public sealed class ListResult<T>
{
    [JsonPropertyName("page")] public int Page { get; set; } = 1;
    [JsonPropertyName("perPage")] public int PerPage { get; set; }
    /// <summary>-1 when the count was skipped (skipTotal).</summary>
    [JsonPropertyName("totalItems")] public int TotalItems { get; set; }
    [JsonPropertyName("totalPages")] public int TotalPages { get; set; }
    [JsonPropertyName("items")] public List<T> Items { get; set; } = new();
}
