using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Core.Json;

/// <summary>
/// Reads a submission from raw bytes: size limit, encoding, then one pass over the JSON that
/// checks its syntax and shape and builds the model (<see cref="ShapeReader"/>). Never throws
/// for bad input; returns what could be read (null when nothing could).
/// </summary>
internal static class SubmissionReader
{
    internal static Submission? Read(ReadOnlyMemory<byte> bytes, SubmissionLimits limits, IssueCollector issues, SlipWording wording = SlipWording.Json)
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

            issues.Error(RuleCodes.D2, JsonPath.Root, failure.Message, failure.MessageEn);
            return null;
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            issues.Error(RuleCodes.D1, JsonPath.Root, "文件为空。", "The file is empty.");
            issues.MarkIncomplete();
            return null;
        }

        return new ShapeReader(limits, issues, wording).Read(utf8.Span);
    }

    internal static void ReportTooLarge(long? length, SubmissionLimits limits, IssueCollector issues)
    {
        var size = length is { } n ? $" {n:N0}" : "";
        issues.Error(RuleCodes.D3, JsonPath.Root,
            $"文件大小{size} 字节，超过上限 {limits.MaxFileBytes:N0} 字节。",
            $"The file{size} bytes is larger than the limit of {limits.MaxFileBytes:N0} bytes.");
    }
}
