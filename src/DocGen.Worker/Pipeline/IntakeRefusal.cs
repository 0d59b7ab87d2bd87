using DocGen.Core.Validation;
using DocGen.Worker.IO;
using DocGen.Core.Rules;

namespace DocGen.Worker.Pipeline;

/// <summary>
/// The report for an inbox entry that is refused before its content is read: not a regular file
/// (D10), a hard link (D10), too large (D3), or not readable by the service (D11).
/// </summary>
public static class IntakeRefusal
{
    /// <summary>The check for an entry that was not read, or null when it was.</summary>
    public static SubmissionCheck? For(SafeRead read, SubmissionValidator validator)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(validator);
        return read.Outcome switch
        {
            SafeReadOutcome.Read => null,
            SafeReadOutcome.TooLarge => validator.TooLarge(read.Info.Length),
            SafeReadOutcome.HardLink => SubmissionCheck.Refused(RuleCodes.D10,
                $"该文件有 {read.Info.Links} 个名字（硬链接），可能是收件箱以外某个文件的另一个名字，因此不予读取。请把文件本身复制到收件箱，而不是创建链接。",
                $"The file has {read.Info.Links} names (a hard link) and may be another name of a file outside the inbox, so it is not read. Copy the file itself into the inbox instead of linking it."),
            SafeReadOutcome.AccessDenied => SubmissionCheck.Refused(RuleCodes.D11,
                $"服务没有权限读取该文件（{read.Error}）。请让文件对 DocGen 服务的账户可读后重新提交。",
                $"The service may not read the file ({read.Error}). Make it readable to the DocGen service's account and submit it again."),
            _ => NotRegular(read.Info.Kind),
        };
    }

    private static SubmissionCheck NotRegular(EntryKind kind)
    {
        var (zh, en) = kind switch
        {
            EntryKind.SymbolicLink => ("符号链接（快捷方式），不是文件本身", "a symbolic link, not the file itself"),
            EntryKind.Directory => ("一个文件夹", "a folder"),
            EntryKind.Fifo => ("命名管道（FIFO）", "a named pipe (FIFO)"),
            EntryKind.Socket => ("套接字", "a socket"),
            EntryKind.CharacterDevice or EntryKind.BlockDevice => ("设备文件", "a device"),
            _ => ("特殊文件", "a special file"),
        };
        return SubmissionCheck.Refused(RuleCodes.D10,
            $"收件箱中的这一项是{zh}，不是普通文件，因此不予读取（链接可能指向收件箱以外的文件）。请把 JSON 文件本身复制到收件箱。",
            $"This inbox entry is {en}, not a regular file, so it is not read (a link may point outside the inbox). Copy the JSON file itself into the inbox.");
    }
}
