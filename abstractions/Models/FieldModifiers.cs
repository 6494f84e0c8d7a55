using Satchel.Models.Fields;

namespace Satchel.Models;

/// <summary>
/// PocketBase's set modifiers, accepted wherever a record value is set by name:
/// <c>name+</c>, <c>+name</c> and <c>name-</c> append, prepend and remove values of select,
/// relation and file fields; <c>name+</c> and <c>name-</c> add to and subtract from a number;
/// <c>name:autogenerate</c> sets a text field to the given value followed by a generated one.
/// </summary>
public static class FieldModifiers
{
    private const string Autogenerate = ":autogenerate";

    /// <summary>The field a key names, directly or through a modifier; null when it names none.</summary>
    public static Field? Target(Collection collection, string key)
    {
        if (collection.Fields.ByName(key) is { } field) return field;
        return Resolve(collection, key)?.Field;
    }

    /// <summary>Applies <paramref name="key"/> as a modifier to <paramref name="record"/>; false when the key is no modifier.</summary>
    public static bool TryApply(Record record, string key, object? value)
    {
        if (Resolve(record.Collection, key) is not { } m) return false;
        var current = record.Get(m.Field.Name);
        object? next = (m.Field, m.Kind) switch
        {
            (NumberField, Kind.Append) => RawValue.ToNumber(current) + RawValue.ToNumber(value),
            (NumberField, Kind.Subtract) => RawValue.ToNumber(current) - RawValue.ToNumber(value),
            (TextField text, Kind.Autogenerate) => RawValue.ToText(value) + text.Autogenerate(),
            (IMultiValued multi, Kind.Append) => MultiValue.Append(current, value, multi.IsMultiple),
            (IMultiValued multi, Kind.Prepend) => MultiValue.Prepend(current, value, multi.IsMultiple),
            (IMultiValued multi, Kind.Subtract) => MultiValue.Subtract(current, value, multi.IsMultiple),
            _ => throw new InvalidOperationException("unreachable modifier"),
        };
        record.Set(m.Field.Name, next);
        return true;
    }

    private enum Kind { Append, Prepend, Subtract, Autogenerate }

    private sealed record Modifier(Field Field, Kind Kind);

    private static Modifier? Resolve(Collection collection, string key)
    {
        if (key.Length < 2) return null;
        Modifier? Of(string name, Kind kind) => collection.Fields.ByName(name) is { } f && Supports(f, kind) ? new Modifier(f, kind) : null;

        if (key.EndsWith(Autogenerate, StringComparison.Ordinal)) return Of(key[..^Autogenerate.Length], Kind.Autogenerate);
        if (key[^1] == '+') return Of(key[..^1], Kind.Append);
        if (key[^1] == '-') return Of(key[..^1], Kind.Subtract);
        if (key[0] == '+') return Of(key[1..], Kind.Prepend);
        return null;
    }

    private static bool Supports(Field field, Kind kind) => (field, kind) switch
    {
        (NumberField, Kind.Append or Kind.Subtract) => true,
        (TextField, Kind.Autogenerate) => true,
        (SelectField or RelationField or FileField, Kind.Append or Kind.Prepend or Kind.Subtract) => true,
        _ => false,
    };
}
