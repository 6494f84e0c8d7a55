using Satchel.Rules;
using Satchel.Rules.Syntax;

namespace Satchel.Tests.Rules;

public class FilterParserTests
{
    private static ComparisonNode Single(string filter) => Assert.IsType<ComparisonNode>(FilterParser.Parse(filter));

    [Theory]
    [InlineData("=", ComparisonOperator.Equal)]
    [InlineData("!=", ComparisonOperator.NotEqual)]
    [InlineData(">", ComparisonOperator.Greater)]
    [InlineData(">=", ComparisonOperator.GreaterOrEqual)]
    [InlineData("<", ComparisonOperator.Less)]
    [InlineData("<=", ComparisonOperator.LessOrEqual)]
    [InlineData("~", ComparisonOperator.Like)]
    [InlineData("!~", ComparisonOperator.NotLike)]
    [InlineData("?=", ComparisonOperator.AnyEqual)]
    [InlineData("?!=", ComparisonOperator.AnyNotEqual)]
    [InlineData("?>", ComparisonOperator.AnyGreater)]
    [InlineData("?>=", ComparisonOperator.AnyGreaterOrEqual)]
    [InlineData("?<", ComparisonOperator.AnyLess)]
    [InlineData("?<=", ComparisonOperator.AnyLessOrEqual)]
    [InlineData("?~", ComparisonOperator.AnyLike)]
    [InlineData("?!~", ComparisonOperator.AnyNotLike)]
    public void Parses_every_operator(string symbol, ComparisonOperator expected)
    {
        var node = Single($"title{symbol}'x'");
        Assert.Equal(expected, node.Operator);
        Assert.Equal("title", Assert.IsType<IdentifierOperand>(node.Left).Name);
        Assert.Equal("x", Assert.IsType<TextOperand>(node.Right).Value);
        Assert.Equal(expected.IsAnyOf(), symbol.StartsWith('?'));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var node = Assert.IsType<LogicalNode>(FilterParser.Parse("a = 1 || b = 2 && c = 3"));
        Assert.Equal(LogicalOperator.Or, node.Operator);
        Assert.IsType<ComparisonNode>(node.Items[0]);
        var and = Assert.IsType<LogicalNode>(node.Items[1]);
        Assert.Equal(LogicalOperator.And, and.Operator);
        Assert.Equal(2, and.Items.Count);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var node = Assert.IsType<LogicalNode>(FilterParser.Parse("(a = 1 || b = 2) && c = 3"));
        Assert.Equal(LogicalOperator.And, node.Operator);
        Assert.Equal(LogicalOperator.Or, Assert.IsType<LogicalNode>(node.Items[0]).Operator);
    }

    [Fact]
    public void Chains_of_one_operator_are_flattened()
    {
        var node = Assert.IsType<LogicalNode>(FilterParser.Parse("a=1 && b=2 && c=3"));
        Assert.Equal(3, node.Items.Count);
    }

    [Fact]
    public void Comments_and_newlines_are_ignored()
    {
        var node = FilterParser.Parse("// leading comment\n a = 1 // trailing\n && b = 'x // not a comment'");
        var and = Assert.IsType<LogicalNode>(node);
        Assert.Equal("x // not a comment", Assert.IsType<TextOperand>(((ComparisonNode)and.Items[1]).Right).Value);
    }

    [Fact]
    public void Empty_groups_are_ignored_but_empty_expressions_are_errors()
    {
        Assert.IsType<ComparisonNode>(FilterParser.Parse("a = 1 && ()"));
        Assert.Throws<FilterException>(() => FilterParser.Parse("()"));
        Assert.Throws<FilterException>(() => FilterParser.Parse("   // only a comment"));
        Assert.Throws<FilterException>(() => FilterParser.Parse(""));
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"'a\%b'", @"a\%b")] // other backslashes stay for LIKE escapes
    [InlineData("'double \" inside single'", "double \" inside single")]
    [InlineData("''", "")]
    public void Parses_string_literals(string literal, string expected)
        => Assert.Equal(expected, Assert.IsType<TextOperand>(Single("a = " + literal).Right).Value);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("-5", -5)]
    [InlineData("12.5", 12.5)]
    [InlineData("-0.25", -0.25)]
    public void Parses_numbers(string literal, double expected)
        => Assert.Equal(expected, Assert.IsType<NumberOperand>(Single("a = " + literal).Right).Value);

    [Theory]
    [InlineData("author.organization.name")]
    [InlineData("tags:length")]
    [InlineData("tags:each")]
    [InlineData("title:lower")]
    [InlineData("@request.body.role:isset")]
    [InlineData("@request.auth.id")]
    [InlineData("@request.headers.x_token")]
    [InlineData("@collection.news:alias.author")]
    [InlineData("@now")]
    [InlineData("@todayStart")]
    [InlineData("posts_via_author.title")]
    [InlineData("_private")]
    [InlineData("null")]
    public void Parses_identifiers(string identifier)
        => Assert.Equal(identifier, Assert.IsType<IdentifierOperand>(Single(identifier + " = 1").Left).Name);

    [Fact]
    public void Literals_can_be_on_either_side()
    {
        var node = Single("'a' != 2");
        Assert.IsType<TextOperand>(node.Left);
        Assert.IsType<NumberOperand>(node.Right);
    }

    [Fact]
    public void Parses_functions_with_nested_arguments()
    {
        var node = Single("geoDistance(address.lon, address.lat, 23.32, -42.5) < 25");
        var fn = Assert.IsType<FunctionOperand>(node.Left);
        Assert.Equal("geoDistance", fn.Name);
        Assert.Equal(4, fn.Arguments.Count);
        Assert.IsType<IdentifierOperand>(fn.Arguments[0]);
        Assert.Equal(-42.5, Assert.IsType<NumberOperand>(fn.Arguments[3]).Value);

        var s = Assert.IsType<FunctionOperand>(Single("strftime('%Y', created, 'start of day') = '2024'").Left);
        Assert.Equal(3, s.Arguments.Count);
        Assert.Empty(Assert.IsType<FunctionOperand>(Single("f() = 1").Left).Arguments);
    }

    [Fact]
    public void Function_nesting_is_limited()
    {
        FilterParser.Parse("a(b(c(1))) = 1");
        var e = Assert.Throws<FilterException>(() => FilterParser.Parse("a(b(c(d(1)))) = 1"));
        Assert.Contains("nested function", e.Message);
    }

    [Fact]
    public void Parses_placeholders()
        => Assert.Equal("name", Assert.IsType<PlaceholderOperand>(Single("title = {:name}").Right).Name);

    [Theory]
    [InlineData("title")]                 // no operator
    [InlineData("title =")]               // no right operand
    [InlineData("= 1")]                   // no left operand
    [InlineData("title == 1")]            // unknown operator
    [InlineData("title =! 1")]
    [InlineData("a = 1 & b = 2")]         // single &
    [InlineData("a = 1 &&")]
    [InlineData("a = 1 || || b = 2")]
    [InlineData("a = 1 b = 2")]           // missing join
    [InlineData("(a = 1")]                // unclosed group
    [InlineData("a = 1)")]
    [InlineData("a = 'unterminated")]
    [InlineData("a = 'ends with escaped quote\\'")]
    [InlineData("a. = 1")]                // identifier ending with a dot
    [InlineData("a: = 1")]
    [InlineData("@ = 1")]
    [InlineData("a = 1.")]
    [InlineData("a = .5")]
    [InlineData("a = -")]
    [InlineData("a = 1 / 2")]             // single slash
    [InlineData("a = $")]
    [InlineData("a = {name}")]
    [InlineData("a = {:}")]
    [InlineData("f(1,) = 1")]
    [InlineData("f(1 2) = 1")]
    [InlineData("f(1 = 1")]
    [InlineData("f((1)) = 1")]
    [InlineData("a = ñ")]
    public void Invalid_input_throws_FilterException(string filter)
    {
        var e = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));
        Assert.Equal(400, e.Status);
        Assert.StartsWith("Invalid filter:", e.Message);
    }

    [Fact]
    public void Errors_report_the_position()
    {
        var e = Assert.Throws<FilterException>(() => FilterParser.Parse("a = 1 && b == 2"));
        Assert.Equal(11, e.Position);
    }

    [Fact]
    public void Length_nesting_and_expression_count_are_limited()
    {
        Assert.Throws<FilterException>(() => FilterParser.Parse("a = '" + new string('x', 3600) + "'"));
        FilterParser.Parse("a = '" + new string('x', 3600) + "'", FilterLimits.Rule);

        var deep = new string('(', 65) + "a = 1" + new string(')', 65);
        Assert.Contains("nested", Assert.Throws<FilterException>(() => FilterParser.Parse(deep)).Message);
        FilterParser.Parse(new string('(', 64) + "a = 1" + new string(')', 64));

        var many = string.Join(" || ", Enumerable.Repeat("a = 1", 201));
        Assert.Contains("too many", Assert.Throws<FilterException>(() => FilterParser.Parse(many, FilterLimits.Rule)).Message);
    }

    [Fact]
    public void Very_deep_nesting_does_not_overflow_the_stack()
    {
        var deep = new string('(', 100_000) + "a = 1" + new string(')', 100_000);
        Assert.Throws<FilterException>(() => FilterParser.Parse(deep, FilterLimits.Rule with { MaxLength = 1_000_000 }));
    }

    [Theory]
    [InlineData("@request.auth.id != ''", true)]
    [InlineData("@collection.posts.author ?= id", true)]
    [InlineData("strftime('%Y', @request.body.date) = '2024'", true)]
    [InlineData("title = '@request.auth.id'", false)]
    [InlineData("author.name = 'x' && @now > created", false)]
    public void Detects_request_and_collection_references(string filter, bool expected)
        => Assert.Equal(expected, FilterParser.Parse(filter).UsesRequestOrCollection);
}
