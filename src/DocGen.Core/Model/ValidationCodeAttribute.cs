namespace DocGen.Core.Model;

/// <summary>
/// Which rule code a value that cannot be read as its type is reported under
/// (an amount that is not a number is a V6 problem, not a generic type error).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidationCodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
