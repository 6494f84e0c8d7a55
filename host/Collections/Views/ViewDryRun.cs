using System.Text.Json.Nodes;
using Dapper;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Collections.Views;

/// <summary>The outcome of trying a view query: the inferred fields and a few of its rows.</summary>
public sealed record ViewDryRunResult(FieldList Fields, List<JsonObject> Sample);

/// <summary>
/// Tries a view query without creating the collection: infers its fields, reads a small sample
/// and rejects a query whose sample has empty or repeated ids (a cheap hint, not a guarantee).
/// All of it runs in a transaction that is always rolled back.
/// </summary>
public sealed class ViewDryRun(IDatabase db, CollectionStore store)
{
    private sealed class Discard(ViewDryRunResult result) : Exception
    {
        public ViewDryRunResult Result { get; } = result;
    }

    public ViewDryRunResult Run(string query, int sampleSize = 10)
    {
        if (db.InTransaction) return Execute(query, sampleSize);
        try
        {
            db.Write<object?>((_, _) => throw new Discard(Execute(query, sampleSize)));
        }
        catch (Discard d)
        {
            return d.Result;
        }
        throw new InvalidOperationException("unreachable");
    }

    private ViewDryRunResult Execute(string query, int sampleSize)
    {
        query = ViewSchema.NormalizeSelect(query);
        var fields = new ViewFieldInference(db, store).CreateFields(query);
        var tempName = "temp_view_" + SecretGenerator.Random(5);
        var temp = new Collection { Id = CollectionDefaults.ChecksumId(new Collection { Type = CollectionType.View, Name = tempName }), Name = tempName, Type = CollectionType.View, Fields = fields };

        for (var i = 0; i < fields.Count; i++)
        {
            var fieldErrors = FieldSettingsCheck.Validate(fields[i], temp, null, store);
            if (!fieldErrors.IsEmpty)
                throw new ViewQueryException($"invalid field \"{fields[i].Name}\" ({i}): {Describe(fieldErrors)}");
        }

        var normalized = ViewSchema.NormalizeId(db, query);
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = db.Read(c => c.Query($"SELECT * FROM (SELECT * FROM ({normalized})) AS {Sql.Quote(tempName)} LIMIT @n", new { n = sampleSize })
                .Cast<IDictionary<string, object?>>().ToList());
        }
        catch (Exception e) when (e is not ViewQueryException)
        {
            throw new ViewQueryException("failed to retrieve query records: " + e.Message, e);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sample = new List<JsonObject>();
        foreach (var row in rows)
        {
            var id = row.TryGetValue("id", out var v) ? Sql.Text(v) : "";
            if (id == "") throw new ViewQueryException("the query could return records with empty or invalid ids");
            if (!ids.Add(id)) throw new ViewQueryException("the query could return records with non-unique ids");
            sample.Add(SampleJson(temp, row));
        }
        return new ViewDryRunResult(fields, sample);
    }

    private static string Describe(Satchel.Errors.ValidationErrors errors)
        => string.Join("; ", errors.Items.Select(p => $"{p.Key}: {(p.Value is Satchel.Errors.ValidationError e ? e.Message : "invalid")}"));

    private static JsonObject SampleJson(Collection c, IDictionary<string, object?> row)
    {
        var values = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["collectionId"] = c.Id,
            ["collectionName"] = c.Name,
        };
        foreach (var f in c.Fields)
        {
            if (f.Hidden) continue;
            row.TryGetValue(f.Name, out var raw);
            values[f.Name] = f.ToJson(f.FromDb(raw));
        }
        var json = new JsonObject();
        foreach (var (k, v) in values) json[k] = v;
        return json;
    }
}
