using Satchel.Models;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>A committed record write to announce: "create", "update" or "delete", with the record as it was written (or as it was before its delete).</summary>
internal sealed record RecordChange(string Action, Record Record)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
