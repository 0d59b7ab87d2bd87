namespace DocGen.Core.Json;

/// <summary>What a place in a submission holds.</summary>
internal enum ShapeKind
{
    Object,
    List,
    Text,
    Integer,
    Decimal,
    Enum,
}
