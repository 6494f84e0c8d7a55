using Satchel.Models.Fields;

namespace Satchel.Models;

/// <summary>
/// A row of a collection. Values are kept in their canonical form (see <see cref="Field"/>) and
/// normalised by the field on every <see cref="Set"/>. Values under names that are not fields
/// (e.g. "passwordConfirm") are kept apart as custom data and are never stored.
/// </summary>
public sealed class Record
{
    private readonly Dictionary<string, object?> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _custom = new(StringComparer.Ordinal);
    private Dictionary<string, object?>? _original;

    public Record(Collection collection)
    {
        Collection = collection;
        foreach (var f in collection.Fields) _data[f.Name] = f.ZeroValue;
    }

    public Collection Collection { get; }

    /// <summary>True until the record is saved or loaded from the database.</summary>
    public bool IsNew => _original == null;

    public string Id
    {
        get => GetString("id");
        set => Set("id", value);
    }

    /// <summary>Response-only flag: export hidden fields too (set for superuser requests). Password and tokenKey are never exported.</summary>
    public bool ShowHiddenFields { get; set; }

    /// <summary>Response-only flag: export the email even when emailVisibility is off (owner, manager, superuser).</summary>
    public bool IgnoreEmailVisibility { get; set; }

    /// <summary>Response-only flag: export "expand" even when empty (PocketBase answers <c>"expand":{}</c> once an expand ran for the record).</summary>
    public bool ExportEmptyExpand { get; set; }

    /// <summary>Relations expanded for the response (field name → Record or list of Records).</summary>
    public Dictionary<string, object> Expand { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets a field value (normalised by its field), applies a set modifier such as "tags+" or
    /// "total-" (see <see cref="FieldModifiers"/>), or keeps custom data when no field has that name.
    /// </summary>
    public void Set(string name, object? value)
    {
        var field = Collection.Fields.ByName(name);
        if (field == null)
        {
            if (!FieldModifiers.TryApply(this, name, value)) _custom[name] = value;
            return;
        }
        _data[field.Name] = field.Normalize(value);
    }

    /// <summary>A field's value, or custom data, or null.</summary>
    public object? Get(string name)
    {
        var field = Collection.Fields.ByName(name);
        if (field != null) return _data.TryGetValue(field.Name, out var v) ? v : field.ZeroValue;
        return _custom.TryGetValue(name, out var c) ? c : null;
    }

    public string GetString(string name) => Get(name) switch
    {
        null => "",
        string s => s,
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var o => o.ToString() ?? "",
    };

    public bool GetBool(string name) => Get(name) switch
    {
        bool b => b,
        double d => d != 0,
        string s => s is "true" or "1",
        _ => false,
    };

    public double GetNumber(string name) => Get(name) switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => 0,
    };

    public List<string> GetStrings(string name) => Get(name) switch
    {
        List<string> l => l,
        string s when s != "" => new List<string> { s },
        _ => new List<string>(),
    };

    /// <summary>The value the record had when loaded (null for a new record or a field added since).</summary>
    public object? Original(string name) => _original != null && _original.TryGetValue(name, out var v) ? v : null;

    /// <summary>Field names whose value differs from the loaded one (all fields for a new record).</summary>
    public IEnumerable<string> ChangedFields()
    {
        foreach (var f in Collection.Fields)
        {
            if (_original == null || !ValueEquality.Equal(_original.GetValueOrDefault(f.Name), _data.GetValueOrDefault(f.Name)))
                yield return f.Name;
        }
    }

    /// <summary>Custom (non-field) values set on the record.</summary>
    public IReadOnlyDictionary<string, object?> CustomData => _custom;

    /// <summary>Field values by field name.</summary>
    public IReadOnlyDictionary<string, object?> Data => _data;

    /// <summary>Marks the current values as persisted (called after load and after save).</summary>
    public void MarkAsPersisted() => _original = new Dictionary<string, object?>(_data.Select(p => KeyValuePair.Create(p.Key, ValueEquality.Copy(p.Value))), StringComparer.Ordinal);

    /// <summary>Makes the record new again (e.g. to insert a copy).</summary>
    public void MarkAsNew() => _original = null;

    public Record Clone()
    {
        var copy = new Record(Collection);
        foreach (var (k, v) in _data) copy._data[k] = ValueEquality.Copy(v);
        foreach (var (k, v) in _custom) copy._custom[k] = v;
        if (_original != null) copy._original = new Dictionary<string, object?>(_original, StringComparer.Ordinal);
        return copy;
    }
}

internal static class ValueEquality
{
    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (List<string> x, List<string> y) => x.SequenceEqual(y),
        (System.Text.Json.Nodes.JsonNode x, System.Text.Json.Nodes.JsonNode y) => System.Text.Json.Nodes.JsonNode.DeepEquals(x, y),
        _ => Equals(a, b),
    };

    public static object? Copy(object? v) => v switch
    {
        List<string> l => new List<string>(l),
        System.Text.Json.Nodes.JsonNode n => n.DeepClone(),
        _ => v,
    };
}
