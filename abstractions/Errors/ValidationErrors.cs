namespace Satchel.Errors;

/// <summary>
/// Collects per-field errors, possibly nested (e.g. fields.1.name), and turns them into the
/// "data" object of an error response.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, object> _items = new(StringComparer.Ordinal);

    public bool IsEmpty => _items.Count == 0;
    public int Count => _items.Count;

    public ValidationErrors Add(string key, ValidationError error)
    {
        _items.TryAdd(key, error);
        return this;
    }

    public ValidationErrors Add(string key, string code, string message) => Add(key, new ValidationError(code, message));

    /// <summary>Adds a nested group (e.g. errors of the field at index 1 under "fields").</summary>
    public ValidationErrors AddNested(string key, ValidationErrors nested)
    {
        if (nested.IsEmpty) return this;
        if (_items.TryGetValue(key, out var existing) && existing is ValidationErrors prev)
        {
            foreach (var (k, v) in nested._items) prev._items.TryAdd(k, v);
        }
        else
        {
            _items[key] = nested;
        }
        return this;
    }

    public bool Has(string key) => _items.ContainsKey(key);

    public IReadOnlyDictionary<string, object> Items => _items;

    /// <summary>The JSON-ready shape: field → {code,message} or field → {…nested…}.</summary>
    public IDictionary<string, object> ToData()
    {
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (k, v) in _items)
        {
            result[k] = v switch
            {
                ValidationErrors n => n.ToData(),
                ValidationError e => ErrorItem(e),
                _ => v,
            };
        }
        return result;
    }

    /// <summary>{code, message} plus the template "params" when the error has any, as PocketBase answers.</summary>
    private static Dictionary<string, object> ErrorItem(ValidationError e)
    {
        var item = new Dictionary<string, object> { ["code"] = e.Code, ["message"] = e.Message };
        if (e.Params is { Count: > 0 })
            item["params"] = new SortedDictionary<string, object?>(e.Params.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        return item;
    }

    public void ThrowIfAny(string? message = null)
    {
        if (!IsEmpty) throw ApiException.Validation(this, message);
    }
}
