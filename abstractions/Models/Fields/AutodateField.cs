using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// A date-time the record engine sets itself on create and/or update (e.g. "created", "updated").
/// Client input for it is ignored by the engine; <see cref="Normalize"/> only parses stored and
/// engine supplied values. It has no "help" and no "required" settings.
/// </summary>
public sealed class AutodateField : Field
{
    public const string TypeName = "autodate";

    public bool OnCreate { get; set; }
    public bool OnUpdate { get; set; }

    public override string Type => TypeName;

    // SQLite cannot add a column whose default is not constant, so the engine fills the value.
    public override string ColumnDefinition => "TEXT DEFAULT '' NOT NULL";

    protected override bool HasHelp => false;

    public override object? Normalize(object? raw) => DateTimeText.Normalize(raw);

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        // the behaviour of system autodate fields (created/updated) is fixed
        var old = ctx.Original?.Fields.ById(Id) as AutodateField;
        if (System && old != null && old.OnCreate != OnCreate) errors.Add("onCreate", FieldErrors.ValuesMismatch());
        if (System && old != null && old.OnUpdate != OnUpdate) errors.Add("onUpdate", FieldErrors.ValuesMismatch());
        if (!OnCreate && !OnUpdate)
        {
            var neither = FieldErrors.Create("validation_required", "Either onCreate or onUpdate must be enabled.");
            errors.Add("onCreate", neither);
            errors.Add("onUpdate", neither);
        }
    }

    public override void WriteSettings(JsonObject json)
    {
        json["onCreate"] = OnCreate;
        json["onUpdate"] = OnUpdate;
    }

    public override void ReadSettings(JsonObject json)
    {
        OnCreate = SettingsJson.Bool(json, "onCreate");
        OnUpdate = SettingsJson.Bool(json, "onUpdate");
    }
}
