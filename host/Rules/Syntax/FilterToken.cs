namespace Satchel.Rules.Syntax;

public enum FilterTokenKind
{
    End,
    Identifier,
    /// <summary>An identifier directly followed by "(" (the parenthesis is the next token).</summary>
    FunctionName,
    Number,
    Text,
    /// <summary>A <c>{:name}</c> placeholder bound from a parameters dictionary.</summary>
    Placeholder,
    Operator,
    And,
    Or,
    OpenParen,
    CloseParen,
    Comma,
}

/// <summary>One lexical unit of a filter; <see cref="Value"/> is the decoded text (unquoted strings).</summary>
public readonly record struct FilterToken(FilterTokenKind Kind, string Value, int Position)
{
    public override string ToString() => Kind == FilterTokenKind.End ? "end of expression" : $"\"{Value}\"";
}
