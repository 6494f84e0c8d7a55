namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires on GET /api/files/…, after access checks and before the file is streamed.</summary>
    public Hook<FileDownloadRequestEvent> OnFileDownloadRequest { get; } = new();

    /// <summary>Fires on POST /api/files/token, before the file token is answered.</summary>
    public Hook<FileTokenRequestEvent> OnFileTokenRequest { get; } = new();
}
