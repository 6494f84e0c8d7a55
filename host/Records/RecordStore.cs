using System.Data;
using Dapper;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Records;

/// <summary>Reads records of a collection from its table.</summary>
public sealed class RecordStore(IDatabase db)
{
    public Record? FindById(Collection c, string id)
        => FindOne(c, $"SELECT * FROM {Sql.Quote(c.Name)} WHERE {Sql.Quote("id")} = @v LIMIT 1", new { v = id });

    public Record? FindFirstByData(Collection c, string field, object? value)
    {
        var f = c.Fields.ByName(field) ?? throw new ArgumentException($"unknown field {field}", nameof(field));
        return FindOne(c, $"SELECT * FROM {Sql.Quote(c.Name)} WHERE {Sql.Quote(f.Name)} = @v LIMIT 1", new { v = f.ToDbValue(f.Normalize(value)) });
    }

    public Record? FindAuthByEmail(Collection c, string email)
        => FindOne(c, $"SELECT * FROM {Sql.Quote(c.Name)} WHERE {Sql.Quote("email")} = @v COLLATE NOCASE LIMIT 1", new { v = email });

    public Record? FindOne(Collection c, string sql, object? param)
    {
        var row = db.Read(conn => conn.QueryFirstOrDefault(sql, param) as IDictionary<string, object?>);
        return row == null ? null : FromRow(c, row);
    }

    public List<Record> FindMany(Collection c, string sql, object? param)
    {
        var rows = db.Read(conn => conn.Query(sql, param).Cast<IDictionary<string, object?>>().ToList());
        return rows.Select(r => FromRow(c, r)).ToList();
    }

    public static Record FromRow(Collection c, IDictionary<string, object?> row)
    {
        var record = new Record(c);
        foreach (var field in c.Fields)
        {
            if (row.TryGetValue(field.Name, out var value)) record.Set(field.Name, field.FromDb(value));
        }
        record.MarkAsPersisted();
        return record;
    }
}
