using Dapper;
using Satchel.Core;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// What deleting a record does to the records that reference it, as PocketBase does it: each
/// relation field (of any non-view collection) pointing at the deleted record's collection
/// loses the id; a record left without any id in a cascadeDelete relation is deleted as well
/// (through the saver, so its own hooks and references follow); a required relation left empty
/// refuses the whole delete. Referencing records are processed in batches.
/// </summary>
internal static class RecordCascade
{
    private const int BatchSize = 4000;

    public static void Apply(SatchelApp app, RecordSaver saver, Record deleted)
    {
        // A stable order keeps the hooks of cascaded changes firing in the same order every time.
        foreach (var collection in app.FindAllCollections().Where(c => !c.IsView).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var field in collection.Fields.OfType<RelationField>().Where(f => f.CollectionId == deleted.Collection.Id))
            {
                while (true)
                {
                    var batch = Referencing(app, collection, field, deleted);
                    foreach (var record in batch) Unlink(saver, record, field, deleted);
                    if (batch.Count < BatchSize) break;
                }
            }
        }
    }

    private static List<Record> Referencing(SatchelApp app, Collection collection, RelationField field, Record deleted)
    {
        var table = SqlName.Quote(collection.Name);
        var column = SqlName.Column(collection.Name, field.Name);
        var match = field.IsMultiple
            ? $"EXISTS (SELECT 1 FROM {JsonSql.Each(column)} __je WHERE __je.value = @id)"
            : $"{column} = @id";
        // a self reference of the deleted record is gone with its row already
        if (collection.Id == deleted.Collection.Id) match += $" AND {SqlName.Column(collection.Name, "id")} != @id";
        var sql = $"SELECT {table}.* FROM {table} WHERE {match} LIMIT {BatchSize}";
        return app.Records.FindMany(collection, sql, new { id = deleted.Id });
    }

    private static void Unlink(RecordSaver saver, Record record, RelationField field, Record deleted)
    {
        var ids = record.GetStrings(field.Name).Where(id => id != deleted.Id).ToList();
        if (field.CascadeDelete && ids.Count == 0)
        {
            saver.Delete(record);
            return;
        }
        if (field.Required && ids.Count == 0) throw new RecordReferenceException(record);

        record.Set(field.Name, ids);
        // Not validated: another relation of the record may point at a record deleted earlier in the cascade.
        saver.Save(record, validate: false);
    }
}

/// <summary>A delete refused because a required relation of another record would be left empty.</summary>
public sealed class RecordReferenceException(Record referencing)
    : InvalidOperationException($"the record cannot be deleted because it is part of a required reference in record {referencing.Id} ({referencing.Collection.Name} collection)")
{
    public Record Referencing { get; } = referencing;
}
