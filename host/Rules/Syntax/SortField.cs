namespace Satchel.Rules.Syntax;

public enum SortDirection { Asc, Desc }

/// <summary>One entry of a sort expression: a field path (or <c>@random</c>/<c>@rowid</c>) and its direction.</summary>
public sealed record SortField(string Name, SortDirection Direction)
{
    public const string Random = "@random";
    public const string RowId = "@rowid";
}
