namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires while the app sets up pb_data, the databases and settings; they are usable only after Next.</summary>
    public Hook<BootstrapEvent> OnBootstrap { get; } = new();

    /// <summary>Fires right before the HTTP server starts listening; the place to add routes.</summary>
    public Hook<ServeEvent> OnServe { get; } = new();

    /// <summary>Fires when the app is stopping or restarting (it may be cut short).</summary>
    public Hook<TerminateEvent> OnTerminate { get; } = new();

    /// <summary>Fires when a backup of pb_data is about to be created.</summary>
    public Hook<BackupEvent> OnBackupCreate { get; } = new();

    /// <summary>Fires when a backup is about to be restored over pb_data.</summary>
    public Hook<BackupEvent> OnBackupRestore { get; } = new();
}
