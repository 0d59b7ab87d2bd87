using System.Text.Json;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Json;

/// <summary>
/// Reads a submission in one pass over its bytes: the JSON syntax, its shape against the model's
/// contract (wrong types, unknown or repeated properties, lengths, characters a Word file cannot
/// hold) and the model itself, together. A value that cannot be read is reported once, counts as
/// absent, and its path is marked broken so that no rule reports a consequence of it; everything
/// else is read on, so one pass reports every mistake. Only a syntax error or a nesting deeper
/// than the limit stops it (the structure after such a point cannot be known).
/// </summary>
internal sealed partial class ShapeReader(SubmissionLimits limits, IssueCollector issues, SlipWording wording = SlipWording.Json)
{
    private readonly PathStack _path = new();

    /// <summary>The current path, for rules that need it only when they find something.</summary>
    private Func<string>? _pathText;
    private readonly MemberNames _names = new();
    private readonly StringPool _strings = new();
    private long _lastTokenEnd;
    private bool _rootEnded;

    /// <summary>Set when the value just read was an indicator's number with its unit typed after it (“95%”).</summary>
    private bool _unitInValue;

    public Submission? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = limits.MaxDepth + 2,
        });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                issues.Error(RuleCodes.D5, JsonPath.Root, "文件内容应为一个 JSON 对象 {…}。", "The file must hold one JSON object {…}.");
                return null;
            }

            var submission = (Submission?)ReadObject(ref reader, Shape.Of(typeof(Submission)));
            _lastTokenEnd = reader.BytesConsumed;
            _rootEnded = true;
            while (reader.Read())
            {
                // Only comments may follow: anything else makes the reader throw.
            }

            return submission;
        }
        catch (JsonException ex)
        {
            // The file cannot be read past here: errors found before it stand, advice (warnings) on half a file does not.
            issues.DropWarnings();
            SyntaxErrors.Report(ex, utf8, _lastTokenEnd, _rootEnded, issues);
            return null;
        }
        catch (NestingTooDeepException ex)
        {
            var at = TextPosition.At(utf8, ex.Offset);
            issues.Add(new ValidationIssue(RuleCodes.D4, Severity.Error, JsonPath.Root,
                $"嵌套层数超过上限 {limits.MaxDepth}（第 {at.Line} 行，第 {at.Column} 个字符）。",
                $"Nesting is deeper than the limit of {limits.MaxDepth} (line {at.Line}, character {at.Column}).")
            { Line = at.Line, Column = at.Column, Excerpt = at.Excerpt });
            return null;
        }
    }

    private object? ReadValue(ref Utf8JsonReader reader, Shape shape, Shape.Member member)
    {
        var value = reader.TokenType == JsonTokenType.Null
            ? null // every member of the model is optional: its rule reports it missing
            : ReadPresent(ref reader, shape, member);
        _lastTokenEnd = reader.BytesConsumed; // where a missing comma would go
        return value;
    }

    private object? ReadPresent(ref Utf8JsonReader reader, Shape shape, Shape.Member member)
        => shape.Kind switch
        {
            ShapeKind.Object => reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, shape) : WrongType(ref reader, member, "对象 {…}", "an object {…}"),
            ShapeKind.List => reader.TokenType == JsonTokenType.StartArray ? ReadList(ref reader, shape, member) : WrongType(ref reader, member, "数组 […]", "an array […]"),
            ShapeKind.Text => ReadText(ref reader, member),
            ShapeKind.Integer => ReadInteger(ref reader, member),
            ShapeKind.Decimal => ReadDecimal(ref reader, member),
            _ => ReadEnum(ref reader, shape, member),
        };

    private object ReadObject(ref Utf8JsonReader reader, Shape shape)
    {
        CheckDepth(ref reader);
        var result = shape.Create!();
        var seen = _names.SeenAt(reader.CurrentDepth);

        // Members whose absence an error already explains (a misspelt name, a unit typed into the value):
        // if they are indeed absent, their rules must not report them missing as well.
        List<string>? explained = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = MemberNames.KnownMember(ref reader, shape);
            var name = member?.Name ?? Text(ref reader);
            member ??= shape.Members.GetValueOrDefault(name); // a known name spelt with many \u escapes is longer than the fast path takes
            reader.Read();
            if (!seen.Add(name))
            {
                issues.Error(RuleCodes.D7, _path.Child(name), $"属性“{Quoted.Of(name)}”重复出现。", $"Property '{Quoted.Of(name)}' appears more than once.");
                Skip(ref reader);
                continue;
            }

            if (member is null)
            {
                if (UnknownProperty(shape, name) is { } meant)
                {
                    (explained ??= []).Add(meant);
                }

                Skip(ref reader);
                _lastTokenEnd = reader.BytesConsumed;
                continue;
            }

            _path.Push(name);
            _unitInValue = false;
            var value = ReadValue(ref reader, member.Shape, member);
            if (_unitInValue)
            {
                (explained ??= []).Add("unit"); // the unit typed into the value was reported there: its absence is not reported again
            }

            if (value is not null)
            {
                member.Property.Set!(result, value);
            }

            _path.Pop();
        }

        foreach (var name in explained ?? [])
        {
            if (!seen.Contains(name))
            {
                issues.MarkBroken(_path.Child(name));
            }
        }

        return result;
    }

    /// <param name="member">The member holding the list: an item that cannot be read is reported under its rule and label.</param>
    private object ReadList(ref Utf8JsonReader reader, Shape shape, Shape.Member member)
    {
        CheckDepth(ref reader);
        var list = shape.CreateList!();
        var element = Shape.Of(shape.ElementType!);
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count++ >= limits.MaxArrayLength)
            {
                Skip(ref reader);
                continue;
            }

            _path.Push(list.Count);
            object? item;
            if (reader.TokenType == JsonTokenType.Null)
            {
                issues.Error(RuleCodes.D5, _path.ToString(), "列表项不能为 null。", "A list item cannot be null.");
                issues.MarkBroken(_path.ToString());
                item = null;
            }
            else
            {
                item = ReadValue(ref reader, element, member);
            }

            // A placeholder keeps every later item at its own index (its path is marked broken: no rule reports on it).
            list.Add(item ?? Placeholder(element));
            _path.Pop();
        }

        if (count > limits.MaxArrayLength)
        {
            issues.Error(RuleCodes.D8, _path.ToString(), $"列表有 {count} 项，超过上限 {limits.MaxArrayLength}。", $"The list has {count} items, more than the limit of {limits.MaxArrayLength}.");
        }

        return list;
    }
}
