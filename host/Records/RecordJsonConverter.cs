using System.Text.Json;
using System.Text.Json.Serialization;
using Satchel.Models;

namespace Satchel.Records;

/// <summary>Serialises a <see cref="Record"/> as its API JSON (<see cref="RecordJson"/>), so a hook may answer with records directly.</summary>
public sealed class RecordJsonConverter : JsonConverter<Record>
{
    public override Record Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("records are not read from JSON this way");

    public override void Write(Utf8JsonWriter writer, Record value, JsonSerializerOptions options)
        => RecordJson.ToJson(value).WriteTo(writer, options);
}
