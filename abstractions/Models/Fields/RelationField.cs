using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// Ids of records in another collection: one, or with maxSelect &gt; 1 several. Whether the ids
/// exist is checked by the record engine; counts are checked here.
/// </summary>
public sealed class RelationField : Field, IRequirable, IMultiValued
{
    public const string TypeName = "relation";

    /// <summary>The id of the related collection.</summary>
    public string CollectionId { get; set; } = "";
    /// <summary>Delete this record when a related record is deleted.</summary>
    public bool CascadeDelete { get; set; }
    public int MinSelect { get; set; }
    public int MaxSelect { get; set; }
    public bool Required { get; set; }

    public bool IsMultiple => MaxSelect > 1;

    public override string Type => TypeName;
    public override string ColumnDefinition => IsMultiple ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    public override object? ZeroValue => MultiValue.Zero(IsMultiple);

    public override object? Normalize(object? raw) => MultiValue.Normalize(raw, IsMultiple);
    public override object? ToDbValue(object? value) => MultiValue.ToDb(value, IsMultiple);
    public override JsonNode? ToJson(object? value) => MultiValue.ToJson(value, IsMultiple);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var ids = MultiValue.Items(value);
        if (ids.Count == 0) return Required ? FieldErrors.Required() : null;
        if (MinSelect > 0 && ids.Count < MinSelect) return FieldErrors.NotEnoughValues(MinSelect);
        var max = Math.Max(MaxSelect, 1);
        return ids.Count > max ? FieldErrors.TooManyValues(max) : null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (CollectionId == "") errors.Add("collectionId", FieldErrors.Required());
        else if (CheckCollection(ctx) is { } collectionError) errors.Add("collectionId", collectionError);
        if (MinSelect < 0) errors.Add("minSelect", FieldErrors.MinThreshold(0));
        if (MinSelect > 0 && MaxSelect == 0) errors.Add("maxSelect", FieldErrors.Required());
        // a zero count is "unset" and skips the bound check
        else if (MaxSelect != 0 && MaxSelect < MinSelect) errors.Add("maxSelect", FieldErrors.MinThreshold(MinSelect));
    }

    private ValidationError? CheckCollection(FieldSettingsContext ctx)
    {
        if (ctx.Original?.Fields.ById(Id) is RelationField old && old.CollectionId != CollectionId)
            return FieldErrors.Create("validation_field_relation_change", "The relation collection cannot be changed.");
        // the reference must be the collection's id, not its name
        var target = ctx.FindCollection(CollectionId);
        if (target == null || target.Id != CollectionId)
            return FieldErrors.Create("validation_field_relation_missing_collection", "The relation collection doesn't exist.");
        if (!ctx.Collection.IsView && target.IsView)
            return FieldErrors.Create("validation_relation_field_non_view_base_collection", "Only view collections are allowed to have relations to other views.");
        return null;
    }

    public override void WriteSettings(JsonObject json)
    {
        json["cascadeDelete"] = CascadeDelete;
        json["collectionId"] = CollectionId;
        json["maxSelect"] = MaxSelect;
        json["minSelect"] = MinSelect;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        CascadeDelete = SettingsJson.Bool(json, "cascadeDelete");
        CollectionId = SettingsJson.String(json, "collectionId");
        MaxSelect = SettingsJson.Int(json, "maxSelect");
        MinSelect = SettingsJson.Int(json, "minSelect");
        Required = SettingsJson.Bool(json, "required");
    }
}
