using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Satchel.Files;

/// <summary>
/// PocketBase's stored file names: the original name's base in snake_case (at most 100 characters,
/// padded with 10 random characters when shorter than 3), "_", 10 random [a-z0-9] characters and the
/// cleaned extension (double extensions such as ".tar.gz" kept; detected from the content when the
/// name has none). "My Photo.PNG" becomes e.g. "my_photo_k3j9x0a1bz.PNG".
/// </summary>
public static partial class FileNames
{
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <param name="originalName">The client's file name.</param>
    /// <param name="head">The first bytes of the content, to pick an extension when the name has none.</param>
    public static string Normalize(string originalName, ReadOnlySpan<byte> head)
    {
        var name = KeepLastBytes(originalName ?? "", 300);

        var originalExt = ExtractExtension(name);
        var ext = "." + ExtInvalidChars().Replace(originalExt, "").Trim('.');
        if (ext == ".") ext = ContentSniffer.Detect(head).Extension;
        if (ext.Length > 20) ext = "." + ext[^20..].Trim('.');

        // A leading dot is dropped: sync tools treat "hidden" files specially.
        var baseName = Snakecase(name[..^originalExt.Length].Trim('.'));
        if (baseName.Length < 3) baseName += Random(10);
        else if (baseName.Length > 100) baseName = baseName[..100];

        return baseName + "_" + Random(10) + ext;
    }

    /// <summary>The extension with its dot, including one secondary extension ("a.tar.gz" → ".tar.gz"); "" when none.</summary>
    public static string ExtractExtension(string name)
    {
        var primary = name.LastIndexOf('.');
        if (primary < 0) return "";
        var secondary = primary == 0 ? -1 : name.LastIndexOf('.', primary - 1);
        return secondary >= 0 ? name[secondary..] : name[primary..];
    }

    /// <summary>
    /// Splits at every non [A-Za-z0-9] run, joins the words with "_", puts "_" before an upper case
    /// letter that follows a non upper case one ("myTestDB" → "my_test_db") and lower-cases the result.
    /// </summary>
    public static string Snakecase(string text)
    {
        var result = new StringBuilder();
        foreach (var word in SnakeSplit().Split(text))
        {
            if (word.Length == 0) continue;
            if (result.Length > 0) result.Append('_');
            for (var i = 0; i < word.Length; i++)
            {
                if (char.IsAsciiLetterUpper(word[i]) && i > 0 && !char.IsAsciiLetterUpper(word[i - 1])) result.Append('_');
                result.Append(word[i]);
            }
        }
        return result.ToString().ToLowerInvariant();
    }

    /// <summary><paramref name="length"/> cryptographically random characters from [a-z0-9].</summary>
    public static string Random(int length) => RandomNumberGenerator.GetString(RandomAlphabet, length);

    /// <summary>Cuts overly long names by their UTF-8 length, keeping the end (where the extension is).</summary>
    private static string KeepLastBytes(string name, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length <= maxBytes) return name;
        // A character cut in half decodes to U+FFFD, which the cleaning below drops.
        return Encoding.UTF8.GetString(bytes, bytes.Length - maxBytes, maxBytes);
    }

    [GeneratedRegex(@"[^0-9A-Za-z_.*\-+=#]+")]
    private static partial Regex ExtInvalidChars();

    [GeneratedRegex(@"[^0-9A-Za-z]+")]
    private static partial Regex SnakeSplit();
}
