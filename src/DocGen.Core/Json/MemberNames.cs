using System.Text.Json;

namespace DocGen.Core.Json;

/// <summary>
/// The property names of the objects being read: which known member a name is (without making a
/// string of it), and which names an object has already had (one set per depth, reused).
/// </summary>
internal sealed class MemberNames
{
    /// <summary>Longer names are no member's (the model's longest is far shorter): they are read as text.</summary>
    private const int MaxMemberNameBytes = 64;

    private readonly List<HashSet<string>> _seen = [];

    /// <summary>The names met so far in the object starting at <paramref name="depth"/>, emptied for it.</summary>
    public HashSet<string> SeenAt(int depth)
    {
        while (_seen.Count <= depth)
        {
            _seen.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var seen = _seen[depth];
        seen.Clear();
        return seen;
    }

    /// <summary>The known member the property name at the reader names; null for any other name.</summary>
    public static Shape.Member? KnownMember(ref Utf8JsonReader reader, Shape shape)
    {
        if (reader.ValueSpan.Length > MaxMemberNameBytes)
        {
            return null;
        }

        Span<char> name = stackalloc char[MaxMemberNameBytes];
        try
        {
            return shape.TryGetMember(name[..reader.CopyString(name)], out var member) ? member : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not valid UTF-8: no member's name, reported by its text as unknown
        }
    }
}
