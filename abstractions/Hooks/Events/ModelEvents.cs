using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>What a model event is about: the values of <see cref="ModelEvent.Type"/>.</summary>
public static class ModelEventType
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Validate = "validate";
}

/// <summary>
/// A database model (record, collection, log row, …) being validated, created, updated or
/// deleted. Tagged with the collection name and id for records, and with the table name for
/// anything else (collections are rows of "_collections").
/// </summary>
public class ModelEvent : HookEvent, ITaggedEvent
{
    public const string CollectionsTable = "_collections";

    /// <param name="tableName">The model's table; needed only for models that are neither records nor collections.</param>
    public ModelEvent(IApp app, object model, string type, string? tableName = null)
    {
        App = app;
        Model = model;
        Type = type;
        TableName = tableName ?? model switch
        {
            Record r => r.Collection.Name,
            Collection => CollectionsTable,
            _ => "",
        };
    }

    public IApp App { get; set; }

    /// <summary>The model: a <see cref="Models.Record"/>, a <see cref="Models.Collection"/> or another persisted object.</summary>
    public object Model { get; }

    /// <summary>One of <see cref="ModelEventType"/>.</summary>
    public string Type { get; set; }

    public string TableName { get; }

    public IEnumerable<string> Tags => Model is Record r
        ? EventTags.Of(r)
        : TableName == "" ? Array.Empty<string>() : new[] { TableName };
}

/// <summary>A failed model create, update or delete; <see cref="Error"/> is why it failed.</summary>
public class ModelErrorEvent : ModelEvent, IErrorEvent
{
    public ModelErrorEvent(IApp app, object model, string type, Exception error, string? tableName = null)
        : base(app, model, type, tableName) => Error = error;

    public Exception Error { get; set; }
}
