using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DocGen.Core.Model;
using DocGen.Core.Rules;

namespace DocGen.Core.Json;

/// <summary>
/// What the reader expects at one place of a submission, taken once per type from the model's
/// serialisation contract (<see cref="SubmissionJson.Options"/>), the same contract the schema is
/// generated from: an object and its members, a list and its items, or a value.
/// </summary>
internal sealed class Shape
{
    private static readonly ConcurrentDictionary<Type, Shape> s_shapes = new();

    private Shape(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        Type = underlying;
        var info = SubmissionJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                Kind = ShapeKind.Object;
                Create = info.CreateObject;
                break;
            case JsonTypeInfoKind.Enumerable:
                Kind = ShapeKind.List;
                ElementType = info.ElementType!;
                var listType = typeof(List<>).MakeGenericType(ElementType);
                CreateList = () => (IList)Activator.CreateInstance(listType)!;
                break;
            default:
                Kind = underlying == typeof(string) ? ShapeKind.Text
                    : underlying == typeof(int) ? ShapeKind.Integer
                    : underlying == typeof(decimal) ? ShapeKind.Decimal
                    : underlying.IsEnum ? ShapeKind.Enum
                    : throw new NotSupportedException($"The submission model has a member of type {underlying}, which the reader does not know.");
                if (Kind == ShapeKind.Enum)
                {
                    EnumValues = Enum.GetValues(underlying).Cast<object>().ToDictionary(static v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()!), StringComparer.OrdinalIgnoreCase);
                }

                break;
        }

        Info = info;
    }

    public Type Type { get; }

    public ShapeKind Kind { get; }

    public JsonTypeInfo Info { get; }

    public Func<object>? Create { get; }

    public Type? ElementType { get; }

    public Func<IList>? CreateList { get; }

    public IReadOnlyDictionary<string, object>? EnumValues { get; }

    /// <summary>An enum's values as a report lists them: <c>a | b | c</c>.</summary>
    public string EnumNames => _enumNames ??= string.Join(" | ", EnumValues?.Keys ?? []);

    private string? _enumNames;

    /// <summary>An object's members by their JSON name.</summary>
    public IReadOnlyDictionary<string, Member> Members => Index.ByName;

    /// <summary>The member of that JSON name, looked up without making a string of it.</summary>
    public bool TryGetMember(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Member? member)
        => Index.BySpan.TryGetValue(name, out member);

    // Built on first use and published as one reference: shapes are shared by every thread.
    private MemberIndex Index => _index ??= new MemberIndex(Info.Properties.Select(static (p, i) => new Member(p, i)).ToDictionary(static m => m.Name, StringComparer.Ordinal));

    private MemberIndex? _index;

    public static Shape Of(Type type) => s_shapes.GetOrAdd(type, static t => new Shape(t));

    private sealed class MemberIndex(Dictionary<string, Member> byName)
    {
        public Dictionary<string, Member> ByName { get; } = byName;

        public Dictionary<string, Member>.AlternateLookup<ReadOnlySpan<char>> BySpan { get; } = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One member of an object: its contract, its Chinese label and the rule that owns a value of it that cannot be read.</summary>
    internal sealed class Member(JsonPropertyInfo property, int order)
    {
        public JsonPropertyInfo Property { get; } = property;

        /// <summary>Its place among its object's members (the model's order).</summary>
        public int Order { get; } = order;

        public string Name => Property.Name;

        public Shape Shape => _shape ??= Of(Property.PropertyType);

        private Shape? _shape;

        /// <summary>V6 for amounts, V9 percentages, … (<see cref="ValidationCodeAttribute"/>); D5 otherwise.</summary>
        public string Code { get; } = property.AttributeProvider?.GetCustomAttributes(typeof(ValidationCodeAttribute), false).OfType<ValidationCodeAttribute>().FirstOrDefault()?.Code ?? RuleCodes.D5;

        /// <summary>Whether this is an indicator's value (a unit typed into it belongs in <c>unit</c>), decided by the model's property, not by its code.</summary>
        public bool IsIndicatorValue { get; } = property.AttributeProvider is System.Reflection.PropertyInfo { Name: nameof(Model.Indicator.Value) } info && info.DeclaringType == typeof(Model.Indicator);

        /// <summary>The member's description (<c>计量单位 unit, 如 …</c>).</summary>
        public string? Description { get; } = property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
    }
}
