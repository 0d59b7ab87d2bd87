using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using DocGen.Core.Json;
using Microsoft.Extensions.Configuration;

namespace DocGen.Worker.Service;

/// <summary>
/// Checks the <c>DocGen</c> configuration section before the host starts, so that each mistake is
/// one clear line — the key, the value given, what is allowed — and never a stack trace: a key
/// DocGen does not know (with a “did you mean”: a misspelt key is an error, or its setting would
/// be silently ignored), a value of the wrong kind, a value out of range.
/// </summary>
public static class ConfigurationCheck
{
    private static readonly PropertyInfo[] s_settings = typeof(DocGenOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static List<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var entry in configuration.GetSection(DocGenOptions.Section).GetChildren())
        {
            var key = $"{DocGenOptions.Section}:{entry.Key}";
            var setting = s_settings.FirstOrDefault(p => string.Equals(p.Name, entry.Key, StringComparison.OrdinalIgnoreCase));
            if (setting is null)
            {
                var suggestion = NameSuggestions.Suggest(entry.Key, s_settings.Select(static p => p.Name));
                problems.Add(suggestion is null
                    ? $"{key}：没有这个设置。可用：{string.Join("、", s_settings.Select(static p => p.Name))}。 Unknown setting."
                    : $"{key}：没有这个设置，您是否想写 {DocGenOptions.Section}:{suggestion}？ Unknown setting; did you mean {DocGenOptions.Section}:{suggestion}?");
                continue;
            }

            if (entry.Value is not { } text)
            {
                continue; // a section of its own: nothing here is one
            }

            var type = Nullable.GetUnderlyingType(setting.PropertyType) ?? setting.PropertyType;
            object? value;
            try
            {
                value = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException or InvalidOperationException)
            {
                problems.Add($"{key} = “{text}”：应为{Expected(type)}。 Expected {ExpectedEn(type)}.");
                continue;
            }

            if (setting.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(value))
            {
                problems.Add($"{key} = “{text}”：应在 {range.Minimum} 到 {range.Maximum} 之间。 Must be between {range.Minimum} and {range.Maximum}.");
            }
            else if (setting.GetCustomAttribute<RequiredAttribute>() is not null && string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{key}：不能为空。 Must not be empty.");
            }
        }

        return problems;
    }

    private static string Expected(Type type)
        => type == typeof(TimeSpan) ? "时间间隔，如 00:00:05（时:分:秒）" : type == typeof(int) || type == typeof(long) ? "整数" : type == typeof(bool) ? " true 或 false" : "文本";

    private static string ExpectedEn(Type type)
        => type == typeof(TimeSpan) ? "a time span such as 00:00:05 (hh:mm:ss)" : type == typeof(int) || type == typeof(long) ? "a whole number" : type == typeof(bool) ? "true or false" : "text";
}
