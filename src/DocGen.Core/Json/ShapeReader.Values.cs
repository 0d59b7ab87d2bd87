using System.Globalization;
using System.Text.Json;
using DocGen.Core.Rules;
using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>The shape reader's values: texts, numbers and enumerations read as the model wants them, or explained where they are.</summary>
internal sealed partial class ShapeReader
{
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
