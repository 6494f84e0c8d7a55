namespace Satchel.Rules.Sql;

/// <summary>How "=" and "!=" treat NULL versus empty string for an operand.</summary>
public enum NullFallback
{
    /// <summary>NULL and '' are the same value (the default, as in PocketBase).</summary>
    Auto,
    /// <summary>Compare with IS / IS NOT as is (JSON values, where null and "" differ).</summary>
    Disabled,
    /// <summary>Never assume the operand is non-empty, even when it carries parameters.</summary>
    Enforced,
}
