using Satchel.Core;

namespace Satchel.Collections;

/// <summary>The collections a fresh pb_data starts with: the system ones and "users".</summary>
public static class DefaultCollections
{
    public static void Create(SatchelApp app) { }
}
