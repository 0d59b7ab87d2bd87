namespace DocGen.Core.Rules;

/// <summary>
/// Every rule DocGen reports, once: its code (<see cref="RuleCodes"/>), severity and what it
/// checks. The rule tables in <c>docs/integrator.md</c> and <c>docs/templates.md</c> are written
/// from here (<see cref="RuleTables"/>; a test fails when they differ). The messages themselves
/// are written where each rule is checked, with the values they quote.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The file itself: encoding, syntax, shape and what the service may read (the integrator's D table), and S1.</summary>
    public static IReadOnlyList<Rule> File { get; } =
    [
        new(RuleCodes.D1, RuleSeverity.Error, "empty file, malformed or truncated JSON, explained (full-width punctuation, a missing comma, text after the end, an unclosed string) with the line, the character column, the line itself and a marker"),
        new(RuleCodes.D2, RuleSeverity.Error, "not UTF-8: GBK/GB18030 (“ANSI”), UTF-16 without BOM, binary. UTF-8 with or without BOM and UTF-16/32 *with* BOM are accepted. DocGen never guesses an encoding: a refused file's message says to save it as UTF-8"),
        new(RuleCodes.D3, RuleSeverity.Error, "file larger than 16 MiB") { Clerk = "文件太大（超过 16 MB），没有读取。申报表不应这么大：请检查是否粘贴了图片或大量无关内容。" },
        new(RuleCodes.D4, RuleSeverity.Error, "nesting deeper than 16"),
        new(RuleCodes.D5, RuleSeverity.Error, "wrong type (text where a number belongs, unknown `kind`, null inside a list, a number too large, …), with what to write instead where it is recognisable; a value of an amount, percentage, grading band or indicator value is reported under its own rule (V6, V9, V23, V17)") { Clerk = "单元格里的内容不是这一栏要的类型（如“序号”“预算年度”填的不是整数，“申报类型”“指标性质”没有从下拉列表中选）。" },
        new(RuleCodes.D6, RuleSeverity.Error, "unknown property (almost always a typo), with a “did you mean”"),
        new(RuleCodes.D7, RuleSeverity.Error, "the same property twice in one object"),
        new(RuleCodes.D8, RuleSeverity.Error, "a text longer than 20,000 characters (counted as a person counts them), a list longer than 10,000 items") { Clerk = "某个单元格的文字太长（超过 20000 字），或某张表的行数过多。" },
        new(RuleCodes.D9, RuleSeverity.Error, "a character XML (and so Word) cannot hold: control characters, lone surrogates") { Clerk = "单元格中有看不见的控制字符（常见于从其他系统复制的文字）：请删掉该单元格的内容后重新输入。" },
        new(RuleCodes.D10, RuleSeverity.Error, "not a regular file: a symbolic link, FIFO, socket, device or folder named `*.json`, or a file with more than one name (a hard link, possibly to a file outside the inbox); never opened for reading") { Clerk = "放入收件箱的不是文件本身（是快捷方式、链接或文件夹），没有读取。请把申报表文件本身复制进去。" },
        new(RuleCodes.D11, RuleSeverity.Error, "the service may not read the file (permissions)") { Clerk = "服务没有权限读取这个文件。请联系管理员。" },
        new(RuleCodes.S1, RuleSeverity.Error, "the service failed three times on this submission (the report names the stage the last attempt stopped in and the last reason)") { Clerk = "服务处理这份申报连续三次失败，已停止重试（不是您填写的问题）。请联系管理员，报告中写了停在哪一步。" },
    ];

    /// <summary>The content: the rules of a submission (the integrator's V table).</summary>
    public static IReadOnlyList<Rule> Content { get; } =
    [
        new(RuleCodes.V1, RuleSeverity.Error, "`kind`, `fiscalYear` (2000–2100), `unit.code`, `unit.name` present; known `framework` and `schemaVersion`; no section the kind does not use") { Clerk = "申报类型、预算年度、单位编码、单位名称没有填，或指标体系不认识；申报类型与所填内容不符（如选了“预算项目绩效目标表”却填了第一部分）。" },
        new(RuleCodes.V2, RuleSeverity.ErrorOrWarning, "`unit.code` digits only (E); not 6 digits (W)") { Clerk = "单位编码只能是数字（错误）；通常是 6 位（提醒）。" },
        new(RuleCodes.V3, RuleSeverity.Error, "`projectCode` present, `[0-9A-Z]`, ≤ 50 characters; `projectName` present") { Clerk = "项目编码没有填，或含有数字和大写字母以外的字符、超过 50 个字符；项目名称没有填。" },
        new(RuleCodes.V4, RuleSeverity.Warning, "`projectCode` not `6 digits + 2-digit year + 13 [0-9A-Z]`, or its year ≠ `fiscalYear`") { Clerk = "项目编码不是常见的格式，或其中的年度与预算年度不同（提醒；跨年延续项目可不理会）。" },
        new(RuleCodes.V5, RuleSeverity.Error, "duplicate `projectCode` or `seq` (seq defaults to the position, 1-based)") { Clerk = "两个项目的项目编码或序号相同。" },
        new(RuleCodes.V6, RuleSeverity.Error, "amounts parseable, ≥ 0, ≤ 2 decimals, below a trillion (999,999,999,999.99); `total` and `fiscal` present (`other` defaults to 0.00)") { Clerk = "金额不是数字、是负数、超过两位小数或大得不合理；预算数或财政资金没有填。" },
        new(RuleCodes.V7, RuleSeverity.Error, "`total == fiscal + other`, exactly") { Clerk = "预算数不等于财政资金加其他资金。" },
        new(RuleCodes.V8, RuleSeverity.Warning, "`total == 0`") { Clerk = "预算数为 0（提醒）。" },
        new(RuleCodes.V9, RuleSeverity.Error, "`spendingPlan` present; labels `N月底`; months increasing; % in [0, 100], ≤ 2 decimals") { Clerk = "资金支出计划没有填；节点不是“N月底”的写法、月份没有递增；累计支出比例不在 0–100 之间或超过两位小数。" },
        new(RuleCodes.V10, RuleSeverity.Error, "cumulative % never decreases") { Clerk = "累计支出比例比前一个节点还小。" },
        new(RuleCodes.V11, RuleSeverity.ErrorOrWarning, "last entry is `12月底` at 100.00 (only a warning when the project name contains 结转)") { Clerk = "最后一个节点应是“12月底”、累计 100%（结转项目只提醒）。" },
        new(RuleCodes.V12, RuleSeverity.Warning, "a checkpoint below 60 % of 序时进度 (month/12)") { Clerk = "某个节点的累计支出比例明显落后于序时进度（提醒）。" },
        new(RuleCodes.V13, RuleSeverity.Error, "`level1` belongs to the framework, `level2` to its `level1`") { Clerk = "一级或二级指标不在所选指标体系中：请从下拉列表中选。" },
        new(RuleCodes.V14, RuleSeverity.Error, "each required 一级 has an indicator (产出, 效益; also 成本 in mof2021)") { Clerk = "缺少必需的一级指标（产出、效益；2021 体系还有成本）。" },
        new(RuleCodes.V15, RuleSeverity.Warning, "a recommended category is missing (满意度; 产出's 数量/质量/时效/成本 in legacy)") { Clerk = "缺少建议有的指标（如满意度）（提醒）。" },
        new(RuleCodes.V16, RuleSeverity.ErrorOrWarning, "`name` present, ≤ 100 characters (E); repeated within a project (W)") { Clerk = "三级指标名称没有填或超过 100 字（错误）；同一项目中名称重复（提醒）。" },
        new(RuleCodes.V17, RuleSeverity.Error, "quantitative: comparator ∈ {≥ ≤ ＝ ＞ ＜}, `value` a decimal, `unit` present (`nature` defaults to quantitative)") { Clerk = "定量指标的计算符号、指标值（数字）或计量单位没有填对。" },
        new(RuleCodes.V18, RuleSeverity.Error, "qualitative: `valueText` present; no comparator or unit") { Clerk = "定性指标要填“指标值（文字）”，不填计算符号和计量单位。" },
        new(RuleCodes.V19, RuleSeverity.Error, "`valueText` holds a placeholder (`*`, `_`, `XX`)") { Clerk = "指标值中还留着“*”“XX”之类的占位符：请填写实际值。" },
        new(RuleCodes.V20, RuleSeverity.Warning, "a % value above 100; a 满意度 target below 80 %") { Clerk = "百分比超过 100%，或满意度目标低于 80%（提醒）。" },
        new(RuleCodes.V21, RuleSeverity.Warning, "a cost indicator with ≥ or ＞ (a cost is a ceiling)") { Clerk = "成本指标用了“≥”或“＞”：成本通常是上限，应用“≤”或“＜”（提醒）。" },
        new(RuleCodes.V22, RuleSeverity.Warning, "`basis` empty or a copy of `description`") { Clerk = "指标值确定依据没有填，或与绩效指标描述一样（提醒）。" },
        new(RuleCodes.V23, RuleSeverity.Error, "grading: 100 ≥ excellent > good > fair > 0 (defaults 90/80/70)") { Clerk = "绩效标准应满足 100 ≥ 优 > 良 > 中 > 0。" },
        new(RuleCodes.V24, RuleSeverity.Warning, "`verbatimText` thresholds disagree with the numbers (the seed's 差 “80%以下” typo)") { Clerk = "绩效标准的文字与数字不一致（提醒）。" },
        new(RuleCodes.V25, RuleSeverity.Warning, "half-width `,;:()` between Chinese characters (checked in every text)") { Clerk = "中文之间用了半角标点（, ; : ( )），公文应用全角（提醒）。" },
        new(RuleCodes.V26, RuleSeverity.Warning, "an item already numbered (`一是`, `1.`, `（一）`): the number is removed") { Clerk = "条目前自己写了编号（“一是”“1.”），文档会自动编号，已去掉（提醒）。" },
        new(RuleCodes.V27, RuleSeverity.Error, "part 1: intro, mainDuties, dutyGoals, performanceGoals present; ≥ 1 item in 一 and in 三") { Clerk = "第一部分缺少导语、主要职责、职责目标或绩效目标，或“一”“三”没有条目。" },
        new(RuleCodes.V28, RuleSeverity.Warning, "一 and 三 have different numbers of items") { Clerk = "“一、总体绩效目标”与“三、保障措施”的条数不同（提醒）。" },
        new(RuleCodes.V29, RuleSeverity.Error, "≥ 1 project; ≥ 1 goal per project; ≥ 3 indicators per project") { Clerk = "没有预算项目；某个项目没有绩效目标，或绩效指标少于 3 个。" },
    ];

    /// <summary>Workbooks: what is refused or reported of an .xlsx (the integrator's X table).</summary>
    public static IReadOnlyList<Rule> Workbook { get; } =
    [
        new(RuleCodes.X1, RuleSeverity.Error, "not a readable .xlsx: not a zip, a zip cut short (it waits like a JSON copy still under way), not a spreadsheet (a .docx renamed)") { Clerk = "不是能打开的 .xlsx 工作簿（文件损坏、没有复制完，或是改了扩展名的其他文件）。" },
        new(RuleCodes.X2, RuleSeverity.Error, "`.xls`, `.xlsb`, `.et` or an encrypted workbook: not read, the report says “另存为 .xlsx”") { Clerk = "这是旧版 .xls、.xlsb、WPS 的 .et 或加了密码的工作簿：请“另存为”Excel 工作簿（.xlsx）。" },
        new(RuleCodes.X3, RuleSeverity.Error, "macros: `.xlsm`, a `vbaProject` part, a macro-enabled content type") { Clerk = "工作簿含有宏（.xlsm）：请“另存为”不含宏的 Excel 工作簿（.xlsx）。" },
        new(RuleCodes.X4, RuleSeverity.Error, "over a workbook limit (see the table of limits below), naming the sheet and row or the part") { Clerk = "工作簿超出了大小限制（行、单元格、文字太多），报告写明在哪个工作表、哪一行。" },
        new(RuleCodes.X5, RuleSeverity.Error, "links to other workbooks") { Clerk = "工作簿链接了其他文件：请把链接的值粘贴为数值后再保存。" },
        new(RuleCodes.X6, RuleSeverity.Error, "a formula never calculated (no cached value), or an error value such as `#DIV/0!`") { Clerk = "公式没有计算出结果，或结果是错误值（如 #DIV/0!）：请在 Excel 中重新计算并保存，或直接填写数值。" },
        new(RuleCodes.X7, RuleSeverity.Error, "a sheet, header or label the submission needs missing or changed, named once (never a cascade of missing values); a renamed sheet is found by its header or labels and a changed header or label by resemblance, and read; a row whose 项目编码 is unknown or missing, a project code twice") { Clerk = "缺少或改动了工作表、表头、栏目名称（请不要删改）；某行的项目编码找不到或重复。" },
        new(RuleCodes.X8, RuleSeverity.Warning, "a column, label or sheet DocGen does not know, with something filled in it (never silently dropped)") { Clerk = "填在了申报表不认识的栏目或工作表里，这些内容没有被读取（提醒）。" },
        new(RuleCodes.X9, RuleSeverity.Error, "a cell that cannot mean what its field needs: a date, time or TRUE/FALSE where a number belongs, a code of more than 15 digits typed as a number, a code in full-width characters; quoting what the clerk sees") { Clerk = "单元格的内容不能当作这一栏需要的值：数字栏里是日期或 TRUE/FALSE，编码被 Excel 当成了数字或用了全角字符。" },
        new(RuleCodes.X10, RuleSeverity.Error, "reading the workbook took longer than its time limit (5 s): a file built to keep the service busy; naming the sheet and row or the part where reading stopped") { Clerk = "读取这个工作簿用时太长，没有读完：请检查其中是否有异常大量的内容。" },
        new(RuleCodes.X11, RuleSeverity.Error, "a number whose cell shows fewer digits than it holds (0.7777 formatted `0%` shows 78%), in a field that needs a number: neither is printed; the report quotes what the cell shows and what it holds") { Clerk = "单元格显示的数字比实际保存的少了位数（如 77.77% 显示为 78%）：请直接输入要打印的数字，或调整单元格格式显示全部位数。" },
    ];

    /// <summary>Templates, in the admin's words (Chinese: the admin guide's table), each with what to do.</summary>
    public static IReadOnlyList<Rule> Template { get; } =
    [
        new(RuleCodes.T0, RuleSeverity.Error, "不是 Word 文档，或文件损坏") { Fix = "另存为 .docx" },
        new(RuleCodes.T1, RuleSeverity.Error, "`{{#each}}`/`{{#if}}` 没有对应的 `{{/each}}`/`{{/if}}`，或反之") { Fix = "补上结束标签" },
        new(RuleCodes.T2, RuleSeverity.Error, "块交叉，如 `{{#if}}…{{#each}}…{{/if}}…{{/each}}`") { Fix = "内层先结束" },
        new(RuleCodes.T3, RuleSeverity.Error, "循环的开始、结束不在段落或表格行的边界（如开始在正文、结束在表格里）") { Fix = "见“常见操作”" },
        new(RuleCodes.T4, RuleSeverity.Error, "标签语法错误（括号、引号不配对等）") { Fix = "按提示改正" },
        new(RuleCodes.T5, RuleSeverity.Error, "模板含修订") { Fix = "接受或拒绝全部修订" },
        new(RuleCodes.T6, RuleSeverity.Error, "没有这个帮助函数（如 `amout`）") { Fix = "按“您是否想写”改正" },
        new(RuleCodes.T7, RuleSeverity.Error, "数据中没有这个字段（如 `fundPurpos`），或在循环外用了 `@index`") { Fix = "按“您是否想写”改正" },
        new(RuleCodes.T8, RuleSeverity.Error, "对不是列表的字段做循环") { Fix = "换成列表字段" },
        new(RuleCodes.T9, RuleSeverity.Error, "申报通过了校验，但模板填不进去（如对文字用了 `{{amount}}`）") { Fix = "检查该标签；该申报进入 failed/ 并附说明" },
        new(RuleCodes.T10, RuleSeverity.Error, "模板文件过大、部件过多、压缩比异常（“压缩炸弹”）或 XML 嵌套过深") { Fix = "用 Word 重新另存为 .docx；不要在模板中嵌入大文件" },
        new(RuleCodes.T11, RuleSeverity.Error, "模板含有会被复制进每一份文档、并在读者电脑上起作用的内容：宏、ActiveX 控件、嵌入的 OLE 对象、附加模板（attachedTemplate）、altChunk、指向外部的链接图片等（超链接除外），或部件名指向包外") { Fix = "在 Word 中删除这些内容（宏：另存为“Word 文档 .docx”而不是 .docm），再保存" },
        new(RuleCodes.T12, RuleSeverity.Warning, "（警告，仅 `check-template`）表格某列太窄：模板自己的标签，或该列 `{{level1}}`/`{{level2}}` 将填入的指标体系名称，折行后末行只剩一个字（如“社会效益指/标”）") { Fix = "按提示加宽该列（或改短标签）；模板照常可用" },
    ];

    /// <summary>All of them, in the order of the tables.</summary>
    public static IReadOnlyList<Rule> All { get; } = [.. File, .. Content, .. Workbook, .. Template];

    private static readonly Dictionary<string, Rule> s_byCode = All.ToDictionary(static r => r.Code, StringComparer.Ordinal);

    /// <summary>The rule of a code (every code DocGen reports is catalogued: a test holds it).</summary>
    public static Rule Of(string code) => s_byCode[code];
}
