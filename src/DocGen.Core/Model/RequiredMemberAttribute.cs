namespace DocGen.Core.Model;

/// <summary>
/// Marks a member the JSON Schema lists as <c>required</c> (for editor completion). Presence
/// itself is checked by the validation rule that owns the member, so the report names its code.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredMemberAttribute : Attribute;
