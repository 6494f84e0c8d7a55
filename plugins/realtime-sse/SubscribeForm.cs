using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>The body of POST /api/realtime: the client id and its new subscriptions, with PocketBase's limits.</summary>
internal sealed class SubscribeForm
{
    public const int MaxClientIdLength = 255;
    public const int MaxSubscriptions = 1000;
    public const int MaxTopicLength = 2500;

    public string ClientId { get; private init; } = "";
    public List<string> Subscriptions { get; private init; } = new();

    /// <summary>Reads the form; a value of the wrong type is a 400 without field details, as PocketBase's body binding answers.</summary>
    public static SubscribeForm From(JsonObject body)
    {
        try
        {
            return new SubscribeForm
            {
                ClientId = body["clientId"] switch
                {
                    null => "",
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    _ => throw new FormatException("clientId"),
                },
                Subscriptions = body["subscriptions"] switch
                {
                    null => new List<string>(),
                    JsonArray items => items.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        ? v.GetValue<string>() : throw new FormatException("subscriptions")).ToList(),
                    // a multipart form with a single "subscriptions" field
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => new List<string> { v.GetValue<string>() },
                    _ => throw new FormatException("subscriptions"),
                },
            };
        }
        catch (FormatException)
        {
            throw ApiException.BadRequest();
        }
    }

    public void Validate()
    {
        var errors = new ValidationErrors();
        if (ClientId == "")
            errors.Add("clientId", "validation_required", "Missing required value.");
        else if (ClientId.Length > MaxClientIdLength)
            errors.Add("clientId", Length("validation_length_out_of_range", $"The length must be between 1 and {MaxClientIdLength}.", 1, MaxClientIdLength));

        if (Subscriptions.Count > MaxSubscriptions)
        {
            errors.Add("subscriptions", Length("validation_length_too_long", $"The length must be no more than {MaxSubscriptions}.", 0, MaxSubscriptions));
        }
        else
        {
            var items = new ValidationErrors();
            for (var i = 0; i < Subscriptions.Count; i++)
            {
                if (Subscriptions[i].Length > MaxTopicLength)
                    items.Add(i.ToString(), Length("validation_length_too_long", $"The length must be no more than {MaxTopicLength}.", 0, MaxTopicLength));
            }
            errors.AddNested("subscriptions", items);
        }

        if (!errors.IsEmpty) throw ApiException.Validation(errors, "Something went wrong while processing your request.");
    }

    private static ValidationError Length(string code, string message, int min, int max)
        => new(code, message, new Dictionary<string, object?> { ["min"] = min, ["max"] = max });
}
