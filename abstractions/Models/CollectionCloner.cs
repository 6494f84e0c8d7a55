using System.Text.Json;

namespace Satchel.Models;

internal static class CollectionCloner
{
    public static Collection Clone(Collection c)
    {
        var copy = new Collection
        {
            Id = c.Id, Name = c.Name, Type = c.Type, System = c.System,
            Fields = c.Fields.Clone(), Indexes = new List<string>(c.Indexes),
            ListRule = c.ListRule, ViewRule = c.ViewRule, CreateRule = c.CreateRule,
            UpdateRule = c.UpdateRule, DeleteRule = c.DeleteRule,
            Created = c.Created, Updated = c.Updated, ViewQuery = c.ViewQuery,
        };
        if (c.Auth != null)
            copy.Auth = JsonSerializer.Deserialize<AuthOptions>(JsonSerializer.Serialize(c.Auth))!;
        return copy;
    }
}
