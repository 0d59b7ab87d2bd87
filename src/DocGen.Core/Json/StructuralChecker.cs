using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>
/// Walks a parsed JSON document along the model's serialisation contract
/// (<see cref="SubmissionJson.Options"/>) and reports every shape problem at once: wrong types,
/// unknown or repeated properties, over-long strings and arrays, characters a Word file cannot
/// hold. When it finds no error, deserialising the document into <see cref="Submission"/> succeeds.
/// </summary>
internal sealed class StructuralChecker(SubmissionLimits limits, IssueCollector issues)
{
    public void Check(JsonElement element, Type type, string path)
        => Check(element, SubmissionJson.Options.GetTypeInfo(type), member: null, path);

    private void Check(JsonElement element, JsonTypeInfo typeInfo, JsonPropertyInfo? member, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            // Every member of the model is optional; null inside a list is not.
            if (member is null && path != JsonPath.Root)
            {
                issues.Error("D5", path, "列表项不能为 null。", "A list item cannot be null.");
            }

            return;
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, typeInfo, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                CheckArray(element, typeInfo, member, path);
                break;
            default:
                CheckValue(element, typeInfo, member, path);
                break;
        }
    }

    private void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongType(path, element, "对象 {…}", "an object {…}", member: null);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                issues.Error("D7", childPath, $"属性“{property.Name}”重复出现。", $"Property '{property.Name}' appears more than once.");
                continue;
            }

            var member = typeInfo.Properties.FirstOrDefault(p => p.Name == property.Name);
            if (member is null)
            {
                var suggestion = NameSuggestions.Suggest(property.Name, typeInfo.Properties.Select(static p => p.Name));
                issues.Error("D6", childPath,
                    $"未知属性“{property.Name}”（可能是拼写错误）。" + (suggestion is null ? $"允许的属性：{string.Join("、", typeInfo.Properties.Select(static p => p.Name))}。" : $"您是否想写“{suggestion}”？"),
                    $"Unknown property '{property.Name}' (probably a typo)." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
                continue;
            }

            Check(property.Value, SubmissionJson.Options.GetTypeInfo(member.PropertyType), member, childPath);
        }
    }

    private void CheckArray(JsonElement element, JsonTypeInfo typeInfo, JsonPropertyInfo? member, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, element, "数组 […]", "an array […]", member);
            return;
        }

        var length = element.GetArrayLength();
        if (length > limits.MaxArrayLength)
        {
            issues.Error("D8", path, $"数组有 {length} 项，超过上限 {limits.MaxArrayLength}。", $"The array has {length} items, more than the limit of {limits.MaxArrayLength}.");
            return;
        }

        var itemType = SubmissionJson.Options.GetTypeInfo(typeInfo.ElementType!);
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            Check(item, itemType, member: null, JsonPath.Index(path, i++));
        }
    }

    private void CheckValue(JsonElement element, JsonTypeInfo typeInfo, JsonPropertyInfo? member, string path)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type == typeof(string))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                WrongType(path, element, "文本（字符串）", "text (a string)", member);
                return;
            }

            string text;
            try
            {
                text = element.GetString()!;
            }
            catch (InvalidOperationException)
            {
                issues.Error("D9", path, "文本含有无效的 Unicode 转义（孤立的代理项）。", "The text contains an invalid Unicode escape (a lone surrogate).");
                return;
            }

            CheckText(text, path);
            return;
        }

        try
        {
            element.Deserialize(typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            var (zh, en) = Describe(type);
            WrongType(path, element, zh, en, member);
        }
    }

    /// <summary>Checks every text value: length, and characters XML 1.0 (and so Word) cannot hold.</summary>
    private void CheckText(string text, string path)
    {
        if (text.Length > limits.MaxStringLength)
        {
            issues.Error("D8", path, $"文本长度 {text.Length} 个字符，超过上限 {limits.MaxStringLength}。", $"The text is {text.Length} characters long, more than the limit of {limits.MaxStringLength}.");
            return;
        }

        var bad = XmlText.FirstIllegalChar(text);
        if (bad >= 0)
        {
            issues.Error("D9", path,
                $"文本第 {bad + 1} 个字符是控制字符 U+{(int)text[bad]:X4}，Word 文档无法保存此字符，请删除。",
                $"Character {bad + 1} is the control character U+{(int)text[bad]:X4}, which a Word document cannot hold; remove it.");
            return;
        }

        TextRules.CheckHalfWidthPunctuation(text, path, issues);
    }

    private void WrongType(string path, JsonElement element, string expectedZh, string expectedEn, JsonPropertyInfo? member)
    {
        var code = member?.AttributeProvider?.GetCustomAttributes(typeof(ValidationCodeAttribute), inherit: false)
            .OfType<ValidationCodeAttribute>().FirstOrDefault()?.Code ?? "D5";
        var label = member?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        var found = element.ValueKind switch
        {
            JsonValueKind.String => $"“{Shorten(element.GetString() ?? "")}”",
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Object => "对象 {…}",
            JsonValueKind.Array => "数组 […]",
            _ => element.ValueKind.ToString(),
        };
        issues.Error(code, path,
            $"{(label is null ? "" : label + "：")}应为{expectedZh}，实际为 {found}。",
            $"Expected {expectedEn}, found {element.ValueKind}: {Shorten(element.GetRawText())}.");
    }

    private static (string Zh, string En) Describe(Type type)
    {
        if (type == typeof(int))
        {
            return ("整数", "an integer");
        }

        if (type == typeof(decimal))
        {
            return ("数字或数字字符串（如 30000.00，不用科学计数法和千分位）", "a number or a decimal string such as \"30000.00\" (no exponent, no thousands separator)");
        }

        if (type.IsEnum)
        {
            var names = string.Join(" | ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
            return ($"以下之一：{names}", $"one of: {names}");
        }

        if (type == typeof(bool))
        {
            return ("true 或 false", "true or false");
        }

        return (type.Name, type.Name);
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
