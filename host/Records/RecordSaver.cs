using Satchel.Core;
using Satchel.Models;

namespace Satchel.Records;

/// <summary>Validates and writes records.</summary>
public sealed class RecordSaver(SatchelApp app)
{
    public void Save(Record record) => throw new NotImplementedException();
    public void Delete(Record record) => throw new NotImplementedException();
}
