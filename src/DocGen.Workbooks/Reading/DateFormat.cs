using System.Globalization;
using System.Text;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// A date or time cell as Excel shows it: its serial (days since 1900, or 1904) written with the
/// cell's number format — <c>yyyy"年"m"月"d"日"</c> → 2025年11月30日. The tokens of Excel's format
/// language that dates use: y m d h s (any case, as LibreOffice writes them), AM/PM and 上午/下午, [h] [m] [s], aaa/aaaa (星期), quoted
/// and escaped literals; colours, locales and padding are left out.
/// </summary>
internal static class DateFormat
{
    private static readonly string[] s_months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Excel's built-in date and time formats, as a zh-CN Excel shows them.</summary>
    private static readonly Dictionary<uint, string> s_builtIn = new()
    {
        [14] = "yyyy/m/d", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy", [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM",
        [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy/m/d h:mm", [27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"", [29] = "m\"月\"d\"日\"",
        [30] = "m-d-yy", [31] = "yyyy\"年\"m\"月\"d\"日\"", [32] = "h\"时\"mm\"分\"", [33] = "h\"时\"mm\"分\"ss\"秒\"",
        [34] = "上午/下午h\"时\"mm\"分\"", [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [36] = "yyyy\"年\"m\"月\"", [45] = "mm:ss", [46] = "[h]:mm:ss",
        [47] = "mm:ss.0", [50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"", [53] = "m\"月\"d\"日\"", [54] = "m\"月\"d\"日\"",
        [55] = "上午/下午h\"时\"mm\"分\"", [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [57] = "yyyy\"年\"m\"月\"", [58] = "m\"月\"d\"日\"",
    };

    /// <summary>The date or time format of a cell (a built-in id, or a custom code), or null when it does not show a date or time.</summary>
    public static string? Of(uint id, string? code)
    {
        if (code is null)
        {
            return s_builtIn.GetValueOrDefault(id);
        }

        return Tokens(NumberFormats.FirstSection(code)).Any(static t => t.Kind is not (Kind.Literal or Kind.Tenths)) ? code : null;
    }

    /// <summary>The serial shown with the format; null when it is not a date Excel can show (negative, or past 9999).</summary>
    public static string? Show(double serial, string format, bool date1904)
    {
        if (!double.IsFinite(serial) || serial < 0 || serial >= 2_958_466)
        {
            return null;
        }

        var days = (int)Math.Floor(serial);
        var ticks = (long)Math.Round((serial - days) * 864_000) * TimeSpan.TicksPerSecond / 10; // tenths of a second, as Excel rounds
        var date = date1904 ? new DateTime(1904, 1, 1).AddDays(days) : days < 61 ? new DateTime(1899, 12, 31).AddDays(days) : new DateTime(1899, 12, 30).AddDays(days);
        var at = date.AddTicks(ticks);
        var tokens = Tokens(NumberFormats.FirstSection(format)).ToList();
        var twelveHours = tokens.Any(static t => t.Kind == Kind.AmPm);
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, count, literal) = tokens[i];
            text.Append(kind switch
            {
                Kind.Literal => literal,
                Kind.Year => count >= 3 ? at.Year.ToString("D4", CultureInfo.InvariantCulture) : (at.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
                Kind.Month when IsMinute(tokens, i) => Pad(at.Minute, count),
                Kind.Month => count switch { 1 or 2 => Pad(at.Month, count), 3 => s_months[at.Month - 1][..3], 4 => s_months[at.Month - 1], _ => s_months[at.Month - 1][..1] },
                Kind.Day => count switch { 1 or 2 => Pad(at.Day, count), 3 => at.DayOfWeek.ToString()[..3], _ => at.DayOfWeek.ToString() },
                Kind.ChineseWeekday => (count >= 4 ? "星期" : "") + "日一二三四五六"[(int)at.DayOfWeek],
                Kind.Hour => Pad(twelveHours ? (at.Hour + 11) % 12 + 1 : at.Hour, count),
                Kind.Second => Pad(at.Second, count),
                Kind.Tenths => (at.Millisecond / 100).ToString(CultureInfo.InvariantCulture),
                Kind.ElapsedHours => Math.Floor((serial * 24) + 1e-9).ToString(CultureInfo.InvariantCulture),
                Kind.ElapsedMinutes => Math.Floor((serial * 1440) + 1e-9).ToString(CultureInfo.InvariantCulture),
                Kind.ElapsedSeconds => Math.Round(serial * 86400).ToString(CultureInfo.InvariantCulture),
                Kind.AmPm => literal == "上午/下午" ? (at.Hour < 12 ? "上午" : "下午") : literal.Length <= 3 ? (at.Hour < 12 ? "A" : "P") : (at.Hour < 12 ? "AM" : "PM"),
                _ => "",
            });
        }

        return text.ToString().Trim();
    }

    private static string Pad(int value, int count) => value.ToString(count >= 2 ? "D2" : "D1", CultureInfo.InvariantCulture);

    /// <summary>An m or mm right after an hour, or right before a second, is minutes (h:mm, mm:ss).</summary>
    private static bool IsMinute(List<(Kind Kind, int Count, string Literal)> tokens, int index)
    {
        if (tokens[index].Count > 2)
        {
            return false;
        }

        var before = tokens.Take(index).LastOrDefault(static t => t.Kind != Kind.Literal).Kind;
        var after = tokens.Skip(index + 1).FirstOrDefault(static t => t.Kind != Kind.Literal).Kind;
        return before is Kind.Hour or Kind.ElapsedHours || after is Kind.Second or Kind.ElapsedSeconds;
    }

    private static IEnumerable<(Kind Kind, int Count, string Literal)> Tokens(string code)
    {
        var previous = Kind.Literal;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var lower = char.ToLowerInvariant(c);
            if (c == '"')
            {
                var end = code.IndexOf('"', i + 1);
                end = end < 0 ? code.Length : end;
                yield return (Kind.Literal, 0, code[(i + 1)..end]);
                i = end;
                continue;
            }

            if (c is '\\' or '_' or '*')
            {
                if (c == '\\' && i + 1 < code.Length)
                {
                    yield return (Kind.Literal, 0, code[i + 1].ToString());
                }

                i++;
                continue;
            }

            if (c == '[')
            {
                var end = code.IndexOf(']', i + 1);
                end = end < 0 ? code.Length : end;
                var inside = code[(i + 1)..end].ToLowerInvariant();
                var elapsed = inside.Length > 0 && inside.All(ch => ch == inside[0]) ? inside[0] switch { 'h' => Kind.ElapsedHours, 'm' => Kind.ElapsedMinutes, 's' => Kind.ElapsedSeconds, _ => Kind.Literal } : Kind.Literal;
                if (elapsed != Kind.Literal)
                {
                    yield return (previous = elapsed, inside.Length, "");
                }

                i = end;
                continue;
            }

            if ((Matches(code, i, "上午/下午") ?? Matches(code, i, "AM/PM") ?? Matches(code, i, "A/P")) is { } marker)
            {
                yield return (Kind.AmPm, 0, marker);
                i += marker.Length - 1;
                continue;
            }

            var run = 1;
            while (i + run < code.Length && char.ToLowerInvariant(code[i + run]) == lower)
            {
                run++;
            }

            var kind = lower switch
            {
                'y' => Kind.Year,
                'm' => Kind.Month,
                'd' => Kind.Day,
                'h' => Kind.Hour,
                's' => Kind.Second,
                'a' when run >= 3 => Kind.ChineseWeekday,
                '0' when previous == Kind.Second => Kind.Tenths,
                _ => Kind.Literal,
            };

            if (kind == Kind.Literal)
            {
                yield return (Kind.Literal, 0, c == '.' && previous == Kind.Second && i + 1 < code.Length && code[i + 1] == '0' ? "." : c.ToString());
                continue;
            }

            yield return (previous = kind, run, "");
            i += run - 1;
        }
    }

    private static string? Matches(string code, int at, string token)
        => string.Compare(code, at, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0 ? code.Substring(at, token.Length) : null;

    private enum Kind
    {
        Literal,
        Year,
        Month,
        Day,
        ChineseWeekday,
        Hour,
        Second,
        Tenths,
        ElapsedHours,
        ElapsedMinutes,
        ElapsedSeconds,
        AmPm,
    }
}
