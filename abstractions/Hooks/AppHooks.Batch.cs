namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires on POST /api/batch before the sub-requests run (they fire their own record request hooks).</summary>
    public Hook<BatchRequestEvent> OnBatchRequest { get; } = new();
}
