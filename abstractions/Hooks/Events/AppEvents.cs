using Microsoft.AspNetCore.Routing;

namespace Satchel.Hooks;

/// <summary>The app is initialising its resources (data dir, databases, settings); they are ready after Next.</summary>
public class BootstrapEvent(IApp app) : HookEvent
{
    public IApp App { get; set; } = app;
}

/// <summary>The HTTP server is about to start listening; handlers may add routes.</summary>
public class ServeEvent(IApp app, IEndpointRouteBuilder routes) : HookEvent
{
    public IApp App { get; set; } = app;

    /// <summary>The server's routes, rooted at "/".</summary>
    public IEndpointRouteBuilder Routes { get; } = routes;
}

/// <summary>The app is shutting down (or restarting).</summary>
public class TerminateEvent(IApp app, bool isRestart = false) : HookEvent
{
    public IApp App { get; set; } = app;
    public bool IsRestart { get; set; } = isRestart;
}

/// <summary>A backup is about to be created or restored.</summary>
public class BackupEvent(IApp app, string name) : HookEvent
{
    public IApp App { get; set; } = app;

    /// <summary>The backup's file name (e.g. "pb_backup_20240101000000.zip").</summary>
    public string Name { get; set; } = name;

    /// <summary>pb_data entries left out of the backup (or kept in place on restore).</summary>
    public List<string> Exclude { get; set; } = new();
}
