using System.Globalization;
using System.Text;
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
internal sealed class ShapeReader(SubmissionLimits limits, IssueCollector issues, SlipWording wording = SlipWording.Json)
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

    private string? ReadText(ref Utf8JsonReader reader, Shape.Member member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return (string?)WrongType(ref reader, member, "文本（字符串）", "text (a string)");
        }

        string text;
        try
        {
            text = _strings.Get(ref reader);
        }
        catch (InvalidOperationException)
        {
            return Broken<string>(_path.ToString(), RuleCodes.D9, "文本含有无效的 Unicode 转义（孤立的代理项）。", "The text contains an invalid Unicode escape (a lone surrogate).");
        }

        if (ValueExplanations.TextRefusal(text, limits) is { } refused)
        {
            return Broken<string>(_path.ToString(), refused.Code, (refused.Zh, refused.En));
        }

        TextRules.CheckHalfWidthPunctuation(text, _pathText ??= _path.ToString, issues);

        return text;
    }

    private object? ReadInteger(ref Utf8JsonReader reader, Shape.Member member)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return Broken<object>(_path.ToString(), member.Code, ValueExplanations.NotWhole(member, Raw(ref reader)));
        }

        if (reader.TokenType == JsonTokenType.String && Text(ref reader).Trim() is var typed && ValueSlips.MeantWholeNumber(typed) is { } meant)
        {
            if (wording == SlipWording.Cells && int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shown))
            {
                return shown; // a cell formatted as text that shows 2021: what it shows is the number (amounts are read so too)
            }

            return Broken<object>(_path.ToString(), member.Code, ValueExplanations.WholeNumberAsText(member, typed, meant, wording));
        }

        return WrongType(ref reader, member, "整数", "a whole number");
    }

    private object? ReadDecimal(ref Utf8JsonReader reader, Shape.Member member)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            return WrongType(ref reader, member, "数字或数字字符串（如 30000.00）", "a number or a decimal string such as \"30000.00\"");
        }

        var text = reader.TokenType == JsonTokenType.String ? PooledText(ref reader).Trim() : Raw(ref reader);
        if (FlexibleDecimalConverter.TryParse(text, out var value))
        {
            return value;
        }

        var slip = ValueSlips.ExplainDecimal(text, ValueExplanations.FieldOf(member), wording);
        _unitInValue = slip?.UnitInValue == true;
        return Broken<object>(_path.ToString(), member.Code, ValueExplanations.NotANumber(member, text, slip is { } explained ? (explained.Zh, explained.En) : null, wording));
    }

    private object? ReadEnum(ref Utf8JsonReader reader, Shape shape, Shape.Member member)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = PooledText(ref reader);
            if (shape.EnumValues!.TryGetValue(text.Trim(), out var value))
            {
                return value;
            }

            var suggestion = ValueSlips.MeantEnumValue(text) ?? NameSuggestions.Suggest(text, shape.EnumValues.Keys);
            return Broken<object>(_path.ToString(), member.Code, ValueExplanations.NotOneOf(member, shape, text, suggestion, wording));
        }

        return WrongType(ref reader, member, $"以下之一：{shape.EnumNames}", $"one of: {shape.EnumNames}");
    }

    /// <summary>Reports an unknown property; returns the known member it most likely meant, if any.</summary>
    private string? UnknownProperty(Shape shape, string name)
    {
        var known = shape.Members.Keys;
        var suggestion = NameSuggestions.Suggest(name, known);
        issues.Error(RuleCodes.D6, _path.Child(name),
            $"未知属性“{Quoted.Of(name)}”（可能是拼写错误）。" + (suggestion is null ? $"允许的属性：{string.Join("、", known)}。" : $"您是否想写“{suggestion}”？"),
            $"Unknown property '{Quoted.Of(name)}' (probably a typo)." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
        return suggestion;
    }

    /// <summary>Reports a value of the wrong kind (under its member's rule), skips it and marks its path broken.</summary>
    private object? WrongType(ref Utf8JsonReader reader, Shape.Member member, string expectedZh, string expectedEn)
    {
        var message = ValueExplanations.WrongKind(ref reader, member, expectedZh, expectedEn);
        var path = _path.ToString();
        Skip(ref reader);
        return Broken<object>(path, member.Code, message);
    }

    private T? Broken<T>(string path, string code, (string Zh, string En) message)
        where T : class
        => Broken<T>(path, code, message.Zh, message.En);

    private T? Broken<T>(string path, string code, string message, string messageEn)
        where T : class
    {
        issues.Error(code, path, message, messageEn);
        issues.MarkBroken(path);
        return null;
    }

    /// <summary>Skips a value (of an unknown property, or of the wrong kind), refusing nesting deeper than the limit on the way.</summary>
    private void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                CheckDepth(ref reader);
            }
        }
    }

    private void CheckDepth(ref Utf8JsonReader reader)
    {
        if (reader.CurrentDepth >= limits.MaxDepth)
        {
            throw new NestingTooDeepException(reader.TokenStartIndex);
        }
    }

    private static object Placeholder(Shape element) => element.Kind switch
    {
        ShapeKind.Object => element.Create!(),
        ShapeKind.Text => "",
        _ => throw new NotSupportedException($"The model has a list of {element.Type}."),
    };

    private static string Text(ref Utf8JsonReader reader) => ValueExplanations.Text(ref reader);

    /// <summary><see cref="Text"/>, shared with an equal earlier value of the file (<see cref="StringPool"/>).</summary>
    private string PooledText(ref Utf8JsonReader reader)
    {
        try
        {
            return _strings.Get(ref reader);
        }
        catch (InvalidOperationException)
        {
            return Raw(ref reader);
        }
    }

    private static string Raw(ref Utf8JsonReader reader) => ValueExplanations.Raw(ref reader);
}
