using System.Globalization;

namespace Satchel.Rules.Syntax;

/// <summary>One side of a comparison, or a function argument.</summary>
public abstract record Operand(int Position)
{
    public virtual IEnumerable<string> Identifiers() => [];
}

/// <summary>A field path, <c>@request.*</c>/<c>@collection.*</c> reference, macro or the words null/true/false.</summary>
public sealed record IdentifierOperand(string Name, int Position) : Operand(Position)
{
    public override IEnumerable<string> Identifiers() => [Name];
}

public sealed record TextOperand(string Value, int Position) : Operand(Position);

public sealed record NumberOperand(string Literal, int Position) : Operand(Position)
{
    public double Value => double.Parse(Literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}

/// <summary>A <c>{:name}</c> placeholder whose value comes from the parameters given to the compiler.</summary>
public sealed record PlaceholderOperand(string Name, int Position) : Operand(Position);

public sealed record FunctionOperand(string Name, IReadOnlyList<Operand> Arguments, int Position) : Operand(Position)
{
    public override IEnumerable<string> Identifiers() => Arguments.SelectMany(a => a.Identifiers());
}
