using System.Text;
using System.Text.Json;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Json;

/// <summary>
/// Explains a JSON syntax error the way a clerk typing with a Chinese IME needs it: which
/// character is wrong and what to type instead (full-width punctuation where JSON needs ASCII, a
/// missing comma, text after the end, a string never closed), at the line and character column an
/// editor shows, with the line itself and a marker under the place.
/// </summary>
internal static class SyntaxErrors
{
    /// <summary>Full-width or Chinese punctuation an IME types, and the ASCII JSON needs.</summary>
    private static readonly Dictionary<string, (string Ascii, string Name)> s_fullWidth = new(StringComparer.Ordinal)
    {
        ["，"] = (",", "全角逗号"), ["、"] = (",", "顿号"), ["："] = (":", "全角冒号"), ["；"] = (",", "全角分号"),
        ["“"] = ("\"", "中文引号"), ["”"] = ("\"", "中文引号"), ["‘"] = ("\"", "中文单引号"), ["’"] = ("\"", "中文单引号"),
        ["｛"] = ("{", "全角花括号"), ["｝"] = ("}", "全角花括号"), ["［"] = ("[", "全角方括号"), ["］"] = ("]", "全角方括号"),
        ["【"] = ("[", "中文方括号"), ["】"] = ("]", "中文方括号"), ["\u3000"] = (" ", "全角空格"), ["．"] = (".", "全角句点"),
    };

    /// <param name="rootEnded">Whether the reader had read the whole top-level object when it stopped (what follows is text after the end).</param>
    public static void Report(JsonException ex, ReadOnlySpan<byte> utf8, long lastTokenEnd, bool rootEnded, IssueCollector issues)
    {
        var offset = OffsetOf(utf8, ex);
        var at = TextPosition.At(utf8, offset);
        var (zh, en, incomplete) = Explain(ex, utf8, offset, lastTokenEnd, rootEnded);
        if (incomplete)
        {
            issues.MarkIncomplete();
        }

        issues.Add(new ValidationIssue(RuleCodes.D1, Severity.Error, JsonPath.Root,
            $"JSON 格式错误（第 {at.Line} 行，第 {at.Column} 个字符）：{zh}",
            $"Malformed JSON at line {at.Line}, character {at.Column}: {en}")
        {
            Line = at.Line,
            Column = at.Column,
            Excerpt = at.Excerpt,
        });
    }

    /// <summary>
    /// What went wrong, decided from the bytes and where the reader was — never from the reader's
    /// message, whose wording is System.Text.Json's to change.
    /// </summary>
    private static (string Zh, string En, bool Incomplete) Explain(JsonException ex, ReadOnlySpan<byte> utf8, int offset, long lastTokenEnd, bool rootEnded)
    {
        // The reader stopped right after a complete value (only blanks between): a comma or a closing bracket was due.
        var afterValue = lastTokenEnd > 0 && lastTokenEnd <= offset && offset <= utf8.Length && utf8[(int)lastTokenEnd..offset].Trim(" \t\r\n"u8).IsEmpty;
        if (offset >= utf8.Length || utf8[offset..].Trim(" \t\r\n"u8).IsEmpty && !rootEnded)
        {
            return OpenString(utf8) is { } start
                ? ($"第 {start.Line} 行第 {start.Column} 个字符开始的文本没有结束引号 \"。请补上引号（文件也可能没有写完）。",
                    $"The text starting at line {start.Line}, character {start.Column} has no closing quote (\"); add it (or the file is not completely written).", true)
                : ("文件在此结束，但还缺少结束的 } 或 ]；文件可能没有写完或被截断。", "The file ends before its closing } or ]: it is incomplete or was cut short.", true);
        }

        var character = CharacterAt(utf8, offset);
        if (s_fullWidth.TryGetValue(character, out var fix))
        {
            return ($"这里是{fix.Name}“{character}”，JSON 只认英文（半角）标点，请改为“{fix.Ascii}”（切换到英文输入法再输入）。",
                $"'{character}' is a full-width or Chinese punctuation mark; JSON needs the ASCII '{fix.Ascii}' (switch the IME to English).", false);
        }

        if (rootEnded)
        {
            var end = TextPosition.At(utf8, lastTokenEnd);
            return ($"JSON 已在第 {end.Line} 行第 {end.Column} 个字符处结束，其后还有多余的内容“{character}”。请删除多余内容，或检查前面是否多写了 }} 或 ]。",
                $"The JSON already ended at line {end.Line}, character {end.Column}; '{character}' follows it. Remove it, or look for an extra }} or ] earlier.", false);
        }

        if (afterValue)
        {
            var previous = TextPosition.At(utf8, lastTokenEnd);
            return character == "\""
                ? ($"缺少逗号：请在上一项的末尾（第 {previous.Line} 行第 {previous.Column} 个字符处）加上半角逗号 ,。",
                    $"A comma is missing: put ',' at the end of the previous item (line {previous.Line}, character {previous.Column}).", false)
                : ($"这里不应出现“{character}”：上一项之后应是逗号 , 或结束的 }} ]。", $"'{character}' cannot follow the previous item: a ',' or a closing }} or ] is expected.", false);
        }

        if (character == "'")
        {
            return ("JSON 的文本要用双引号 \" 括起来，不能用单引号 '。", "JSON text is enclosed in double quotes (\"), not single quotes (').", false);
        }

        if (character.Length > 0 && (char.IsLetter(character[0]) || character[0] > 0x7F))
        {
            return ($"这里的“{character}”前缺少双引号：文本和属性名都要用半角双引号 \" 括起来。", $"'{character}' is not quoted: text and property names go inside double quotes (\").", false);
        }

        return ($"“{character}”不应出现在这里；请检查该处附近的引号、逗号和括号。", $"'{character}' is not expected here; check the quotes, commas and brackets around it. ({ex.Message})", false);
    }

    /// <summary>Where the reader stopped, as a byte offset (it reports a line and a byte in that line).</summary>
    private static int OffsetOf(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        var line = ex.LineNumber ?? 0;
        var start = 0;
        for (var i = 0; i < line && start < utf8.Length; i++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return utf8.Length;
            }

            start += next + 1;
        }

        return (int)Math.Min(utf8.Length, start + (ex.BytePositionInLine ?? 0));
    }

    private static string CharacterAt(ReadOnlySpan<byte> utf8, int offset)
        => Rune.DecodeFromUtf8(utf8[offset..], out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.ToString() : "";

    /// <summary>Where a string that is never closed starts, when the file ends inside one.</summary>
    private static TextPosition? OpenString(ReadOnlySpan<byte> utf8)
    {
        var inString = false;
        var start = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (inString && utf8[i] == (byte)'\\')
            {
                i++;
            }
            else if (utf8[i] == (byte)'"')
            {
                inString = !inString;
                start = i;
            }
        }

        return inString ? TextPosition.At(utf8, start) : null;
    }
}
