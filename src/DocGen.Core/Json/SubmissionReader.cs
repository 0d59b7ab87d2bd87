using System.Text.Json;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>
/// Reads a submission from raw bytes: encoding, size and depth limits, JSON syntax (with line and
/// column), then the structural check. Never throws for bad input.
/// </summary>
internal static class SubmissionReader
{
    internal static Submission? Read(ReadOnlyMemory<byte> bytes, SubmissionLimits limits, IssueCollector issues)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            ReportTooLarge(bytes.Length, limits, issues);
            return null;
        }

        var utf8 = TextDecoding.ToUtf8(bytes, out var failure);
        if (failure is not null)
        {
            if (failure.CutAtEnd)
            {
                issues.MarkIncomplete();
            }

            issues.Error("D2", JsonPath.Root, failure.Message, failure.MessageEn);
            return null;
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            issues.Error("D1", JsonPath.Root, "文件为空。", "The file is empty.");
            issues.MarkIncomplete();
            return null;
        }

        if (!CheckSyntax(utf8.Span, limits, issues))
        {
            return null;
        }

        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions
        {
            MaxDepth = limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Error("D5", JsonPath.Root, "文件内容应为一个 JSON 对象 {…}。", "The file must hold one JSON object {…}.");
            return null;
        }

        var errorsBefore = issues.HasErrors;
        new StructuralChecker(limits, issues).Check(root, typeof(Submission), JsonPath.Root);
        if (issues.HasErrors && !errorsBefore)
        {
            return null;
        }

        return root.Deserialize<Submission>(SubmissionJson.Options);
    }

    internal static void ReportTooLarge(long? length, SubmissionLimits limits, IssueCollector issues)
    {
        var size = length is { } n ? $" {n:N0}" : "";
        issues.Error("D3", JsonPath.Root,
            $"文件大小{size} 字节，超过上限 {limits.MaxFileBytes:N0} 字节。",
            $"The file{size} bytes is larger than the limit of {limits.MaxFileBytes:N0} bytes.");
    }

    /// <summary>
    /// A token pass before building the DOM: reports the first syntax error with line and column
    /// (1-based), and refuses nesting deeper than the limit instead of recursing into it.
    /// </summary>
    private static bool CheckSyntax(ReadOnlySpan<byte> utf8, SubmissionLimits limits, IssueCollector issues)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= limits.MaxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var (line, column) = LineAndColumn(utf8, (int)reader.TokenStartIndex);
                    issues.Error("D4", JsonPath.Root,
                        $"嵌套层数超过上限 {limits.MaxDepth}（第 {line} 行，第 {column} 列）。",
                        $"Nesting is deeper than the limit of {limits.MaxDepth} (line {line}, column {column}).",
                        line, column);
                    return false;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var truncated = reader.BytesConsumed >= utf8.Length - 1 || reader.CurrentDepth > 0 && ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase);
            issues.MarkIncomplete();
            issues.Error("D1", JsonPath.Root,
                truncated
                    ? $"JSON 格式错误（第 {line} 行，第 {column} 列）：文件不完整，可能没有写完或被截断。"
                    : $"JSON 格式错误（第 {line} 行，第 {column} 列）：请检查该处附近的引号、逗号和括号。",
                $"Malformed JSON at line {line}, column {column}: {ex.Message}",
                line, column);
            return false;
        }
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline);
    }
}
