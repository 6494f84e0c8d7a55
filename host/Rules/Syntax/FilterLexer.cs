using System.Text;

namespace Satchel.Rules.Syntax;

/// <summary>
/// Splits a filter into tokens following PocketBase's grammar: identifiers may contain
/// letters, digits, "_", "." and ":" and may start with "@", "_" or "#"; strings are single or
/// double quoted and only the quote character itself can be escaped (other backslashes stay, so
/// LIKE escapes such as <c>\%</c> reach the pattern); numbers have an optional leading minus and
/// at most one dot; <c>//</c> comments run to the end of the line.
/// </summary>
public sealed class FilterLexer
{
    private readonly string _text;
    private int _pos;

    public FilterLexer(string text) => _text = text;

    public List<FilterToken> Tokenize()
    {
        var tokens = new List<FilterToken>();
        while (true)
        {
            var t = Next();
            tokens.Add(t);
            if (t.Kind == FilterTokenKind.End) return tokens;
        }
    }

    private FilterToken Next()
    {
        SkipWhitespaceAndComments();
        if (_pos >= _text.Length) return new(FilterTokenKind.End, "", _pos);

        var start = _pos;
        var ch = _text[_pos];
        switch (ch)
        {
            case '(': _pos++; return new(FilterTokenKind.OpenParen, "(", start);
            case ')': _pos++; return new(FilterTokenKind.CloseParen, ")", start);
            case ',': _pos++; return new(FilterTokenKind.Comma, ",", start);
            case '\'' or '"': return ReadText();
            case '{': return ReadPlaceholder();
            case '&' or '|': return ReadJoin();
        }
        if (IsOperatorChar(ch)) return ReadOperator();
        if (ch == '-' || IsDigit(ch)) return ReadNumber();
        if (IsIdentifierStart(ch)) return ReadIdentifier();
        throw new FilterException($"unexpected character '{ch}'", start);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var ch = _text[_pos];
            if (ch is ' ' or '\t' or '\n' or '\r') { _pos++; continue; }
            if (ch == '/')
            {
                if (_pos + 1 >= _text.Length || _text[_pos + 1] != '/')
                    throw new FilterException("invalid comment (expected \"//\")", _pos);
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
                continue;
            }
            return;
        }
    }

    private FilterToken ReadText()
    {
        var start = _pos;
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        var prev = '\0';
        while (_pos < _text.Length)
        {
            var ch = _text[_pos++];
            // Like PocketBase, a quote preceded by a backslash never closes the string.
            if (ch == quote && prev != '\\')
                return new(FilterTokenKind.Text, sb.ToString().Replace("\\" + quote, quote.ToString()), start);
            sb.Append(ch);
            prev = ch;
        }
        throw new FilterException("unterminated quoted text", start);
    }

    private FilterToken ReadPlaceholder()
    {
        var start = _pos;
        if (_pos + 1 >= _text.Length || _text[_pos + 1] != ':')
            throw new FilterException("unexpected character '{'", start);
        _pos += 2;
        var nameStart = _pos;
        while (_pos < _text.Length && (IsLetter(_text[_pos]) || IsDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        if (_pos == nameStart || _pos >= _text.Length || _text[_pos] != '}')
            throw new FilterException("invalid placeholder (expected {:name})", start);
        _pos++;
        return new(FilterTokenKind.Placeholder, _text[nameStart..(_pos - 1)], start);
    }

    private FilterToken ReadJoin()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] is '&' or '|') _pos++;
        var literal = _text[start.._pos];
        return literal switch
        {
            "&&" => new(FilterTokenKind.And, literal, start),
            "||" => new(FilterTokenKind.Or, literal, start),
            _ => throw new FilterException($"invalid join operator \"{literal}\" (expected && or ||)", start),
        };
    }

    private FilterToken ReadOperator()
    {
        var start = _pos;
        while (_pos < _text.Length && IsOperatorChar(_text[_pos])) _pos++;
        var literal = _text[start.._pos];
        if (!ComparisonOperators.TryParse(literal, out _))
            throw new FilterException($"invalid operator \"{literal}\"", start);
        return new(FilterTokenKind.Operator, literal, start);
    }

    private FilterToken ReadNumber()
    {
        var start = _pos;
        var hadDot = false;
        while (_pos < _text.Length)
        {
            var ch = _text[_pos];
            if (IsDigit(ch) || (ch == '-' && _pos == start) || (ch == '.' && !hadDot))
            {
                hadDot |= ch == '.';
                _pos++;
                continue;
            }
            break;
        }
        var literal = _text[start.._pos];
        if (literal == "-" || literal.StartsWith('.') || literal.EndsWith('.'))
            throw new FilterException($"invalid number \"{literal}\"", start);
        return new(FilterTokenKind.Number, literal, start);
    }

    private FilterToken ReadIdentifier()
    {
        var start = _pos++;
        while (_pos < _text.Length && (IsLetter(_text[_pos]) || IsDigit(_text[_pos]) || _text[_pos] is '_' or '.' or ':')) _pos++;
        var literal = _text[start.._pos];
        if (literal[^1] is '.' or ':' || (literal.Length == 1 && literal[0] is '@' or '_' or '#'))
            throw new FilterException($"invalid identifier \"{literal}\"", start);
        var isFunction = _pos < _text.Length && _text[_pos] == '(';
        return new(isFunction ? FilterTokenKind.FunctionName : FilterTokenKind.Identifier, literal, start);
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsIdentifierStart(char c) => IsLetter(c) || c is '@' or '_' or '#';
    private static bool IsOperatorChar(char c) => c is '=' or '?' or '!' or '>' or '<' or '~';
}
