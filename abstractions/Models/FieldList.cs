using System.Collections;
using Satchel.Models.Fields;

namespace Satchel.Models;

/// <summary>The ordered fields of a collection, looked up by name or id.</summary>
public sealed class FieldList : IEnumerable<Field>
{
    private readonly List<Field> _fields = new();

    public FieldList() { }
    public FieldList(IEnumerable<Field> fields) => _fields.AddRange(fields);

    public int Count => _fields.Count;
    public Field this[int index] => _fields[index];

    public Field? ByName(string name) => _fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    public Field? ById(string id) => _fields.FirstOrDefault(f => f.Id == id);

    /// <summary>
    /// Adds the field, or replaces the one with the same id (or, failing that, the same name).
    /// A field without id takes the id of the same-named field it replaces, or PocketBase's derived id.
    /// </summary>
    public void Add(Field field)
    {
        if (field.Id == "") field.Id = ByName(field.Name)?.Id ?? FieldIds.Generate(field.Type, field.Name, this);
        var idx = field.Id != "" ? _fields.FindIndex(f => f.Id == field.Id) : -1;
        if (idx < 0) idx = _fields.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase));
        if (idx >= 0) _fields[idx] = field; else _fields.Add(field);
    }

    public void Insert(int index, Field field) => _fields.Insert(index, field);
    public bool Remove(Field field) => _fields.Remove(field);
    public void RemoveByName(string name) => _fields.RemoveAll(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public FieldList Clone() => new(_fields.Select(f => f.Clone()));

    public IEnumerator<Field> GetEnumerator() => _fields.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
