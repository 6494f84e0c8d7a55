namespace Satchel.Models;

public static class CollectionType
{
    public const string Base = "base";
    public const string Auth = "auth";
    public const string View = "view";
}
