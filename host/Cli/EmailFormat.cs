using System.Text.RegularExpressions;

namespace Satchel.Cli;

/// <summary>The e-mail address check of the superuser commands (the HTML5 form of an address).</summary>
public static partial class EmailFormat
{
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? email) => !string.IsNullOrEmpty(email) && email.Length <= 254 && Pattern().IsMatch(email);
}
