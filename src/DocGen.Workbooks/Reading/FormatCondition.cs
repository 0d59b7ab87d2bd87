using System.Globalization;

namespace DocGen.Workbooks.Reading;

/// <summary>A section's condition, <c>[&gt;=100]</c>.</summary>
internal sealed record FormatCondition(string Operator, decimal Operand)
{
    /// <summary>Whether it takes negative numbers as they are (<c>[&lt;0]</c>): their section then writes its own sign.</summary>
    public bool IsBelow => Operator is "<" or "<=" && Operand <= 0;

    public bool Holds(decimal value) => Operator switch
    {
        "<" => value < Operand,
        "<=" => value <= Operand,
        ">" => value > Operand,
        ">=" => value >= Operand,
        "<>" => value != Operand,
        _ => value == Operand,
    };

    public static FormatCondition? Parse(string inside)
    {
        var length = inside.TakeWhile(static c => c is '<' or '>' or '=').Count();
        return length is > 0 and <= 2 && decimal.TryParse(inside.AsSpan(length), NumberStyles.Float, CultureInfo.InvariantCulture, out var operand)
            ? new FormatCondition(inside[..length], operand)
            : null;
    }
}
