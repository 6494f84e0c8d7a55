using Satchel.Core;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>Validates a collection and applies it: the _collections row and its table, in one transaction.</summary>
public sealed class CollectionSaver(SatchelApp app)
{
    public void Save(Collection collection) => throw new NotImplementedException();
    public void Delete(Collection collection) => throw new NotImplementedException();
}
