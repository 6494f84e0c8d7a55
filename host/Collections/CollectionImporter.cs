using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Imports a set of collection definitions in one transaction: each is applied on top of the
/// existing collection with the same id (or name) or created; with deleteMissing, collections
/// and fields absent from the import are deleted. Everything is saved first and validated at the
/// end, so collections may refer to each other in any order.
/// </summary>
public sealed class CollectionImporter(SatchelApp app)
{
    public void Import(IReadOnlyList<JsonObject> data, bool deleteMissing)
    {
        if (data.Count == 0) throw new InvalidOperationException("no collections to import");
        var store = new CollectionStore(app.Db);

        app.Db.Write((_, _) =>
        {
            var imported = new List<(Collection Collection, bool IsNew)>();
            foreach (var item in data)
            {
                var json = (JsonObject)item.DeepClone();
                var identifier = Str(json["id"]);
                if (identifier == "") identifier = Str(json["name"]);
                var existing = identifier == "" ? null : store.FindByNameOrId(identifier);

                if (existing != null)
                {
                    if (json["fields"] == null && deleteMissing) json["fields"] = new JsonArray();
                    var c = CollectionBody.Apply(existing, json);
                    foreach (var f in existing.Fields)
                    {
                        if (!f.System && deleteMissing) continue;
                        if (c.Fields.ById(f.Id) != null) continue;
                        // Keep the column (and its data) of a field re-imported under the same name and type.
                        var sameName = c.Fields.FirstOrDefault(x => x.Name == f.Name);
                        if (sameName != null && sameName.Type == f.Type) sameName.Id = f.Id;
                        c.Fields.Add(f.Clone());
                    }
                    imported.Add((c, false));
                }
                else
                {
                    var scaffold = CollectionDefaults.New(Str(json["type"]), Str(json["name"]), Str(json["id"]) is { Length: > 0 } id ? id : null);
                    var c = CollectionBody.Apply(scaffold, json);
                    if (Str(json["id"]) == "") c.Id = "";
                    imported.Add((c, true));
                }
            }

            // Views last: their queries may read the other imported collections.
            var ordered = imported
                .OrderBy(x => x.Collection.IsView ? 1 : 0)
                .ThenBy(x => x.Collection.Created, StringComparer.Ordinal)
                .ThenBy(x => x.Collection.Updated, StringComparer.Ordinal)
                .ToList();

            var existingAll = store.FindAll();
            var originals = existingAll.ToDictionary(c => c.Id, c => c);
            if (deleteMissing)
            {
                var keep = new HashSet<string>(imported.Select(x => x.Collection.Id));
                foreach (var old in existingAll.OrderBy(c => c.Updated, StringComparer.Ordinal))
                {
                    if (keep.Contains(old.Id) || old.System) continue;
                    app.CollectionSaver.Delete(old, integrityChecks: false);
                }
            }

            foreach (var (c, isNew) in ordered)
            {
                try { app.CollectionSaver.Save(c, isNew, validate: false); }
                catch (CollectionValidationException) { throw; }
                catch (Exception e) when (e is not ApiException)
                {
                    throw new InvalidOperationException($"failed to save collection \"{c.Name}\": {e.Message}", e);
                }
            }

            foreach (var (c, _) in ordered)
            {
                var original = originals.TryGetValue(c.Id, out var o) ? o : c.Clone();
                var errors = new CollectionValidator(app.Db, store, new CollectionRuleChecker(store), c, original).Validate();
                if (errors.IsEmpty) continue;
                var serialized = JsonSerializer.Serialize(errors.ToData(), new JsonSerializerOptions { WriteIndented = true });
                throw new CollectionValidationException(new ValidationErrors().Add("collections",
                    "validation_collections_import_failure",
                    $"Data validations failed for collection \"{c.Name}\" ({c.Id}):\n{serialized}"));
            }
        });
    }

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
