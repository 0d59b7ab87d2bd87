namespace DocGen.Workbooks.Reading;

/// <summary>One relationship of a package part: its id, its type (a URI) and the part it points to, resolved to a zip entry name (or the external target as written).</summary>
internal sealed record PartRelationship(string Id, string Type, string Target, bool IsExternal)
{
    /// <summary>Whether the type is the one named (the last segment of its URI: transitional and strict workbooks share it).</summary>
    public bool Is(string typeName) => Type.EndsWith("/" + typeName, StringComparison.Ordinal);
}
