using System.Globalization;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Reading;

/// <summary>
/// The problems of a workbook itself (X1–X11), Chinese first: what the clerk sees and what to do
/// in Excel or WPS. Problems of its content are the validator's (V…), placed at their cells.
/// </summary>
internal static class WorkbookIssues
{
    /// <summary>Not a workbook DocGen can read (X1): why, in the clerk's words (<paramref name="why"/>) and in English with any detail for the admin (<paramref name="whyEn"/>).</summary>
    public static ValidationIssue NotAWorkbook(string why, string whyEn)
        => Error(RuleCodes.X1, $"这不是可读取的 Excel 工作簿（.xlsx）：{why}。请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（*.xlsx）再提交。",
            $"This is not a readable Excel workbook (.xlsx): {whyEn}. Open it in Excel or WPS and save it as an Excel workbook (*.xlsx).");

    public static ValidationIssue OldFormat()
        => Error(RuleCodes.X2, "这是旧版 Excel 97-2003 工作簿（.xls）或加了密码的工作簿，无法读取。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx），不设密码，再提交。",
            "This is an Excel 97-2003 workbook (.xls) or a password-protected one. Save it as an Excel workbook (*.xlsx) without a password, then submit it again.");

    public static ValidationIssue Macros(string where)
        => Error(RuleCodes.X3, $"工作簿含有宏（{where}），出于安全原因不予处理。请“另存为”不含宏的 Excel 工作簿（*.xlsx）再提交。",
            $"The workbook contains macros ({where}) and is not processed, for safety. Save it as a macro-free Excel workbook (*.xlsx).");

    public static ValidationIssue TooBig(string what, string whatEn)
        => Error(RuleCodes.X4, $"工作簿过大或结构异常：{what}。申报表只需几十行；请检查是否误填了大量空行或粘贴了其他数据。",
            $"The workbook is too large or malformed: {whatEn}. A submission needs a few dozen rows; check for pasted data or formatting applied to whole columns.");

    /// <summary>Reading took longer than <paramref name="limit"/> (X10): the file's fault, as a limit it crossed; <paramref name="where"/> is where reading stopped.</summary>
    public static ValidationIssue TooSlow(TimeSpan limit, string where, string whereEn)
    {
        var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return Error(RuleCodes.X10, $"读取工作簿超过 {seconds} 秒的时间上限（读到{where}时停止）。正常的申报表 1 秒内即可读完，这个文件的结构异常。请在 Excel 或 WPS 中打开后“另存为”新的 Excel 工作簿（*.xlsx）再提交；如仍出现此提示，请联系管理员。",
            $"Reading the workbook took longer than the limit of {seconds} s (it stopped at {whereEn}). An ordinary submission is read within a second; this file is built abnormally. Open it in Excel or WPS, save it as a new Excel workbook (*.xlsx) and submit it again; if this message comes back, tell the administrator.");
    }

    public static ValidationIssue ExternalLinks()
        => Error(RuleCodes.X5, "工作簿链接了其他文件（外部链接），其中的数值可能随那些文件变化。请在 Excel 中“数据 → 编辑链接 → 断开链接”（WPS：“数据 → 编辑链接”）后保存再提交。",
            "The workbook links to other files (external links), so its values may change with them. Break the links (Data → Edit Links → Break Link) and save it again.");

    public static ValidationIssue FormulaWithoutValue(string path)
        => Error(RuleCodes.X6, path, "单元格是公式，但文件里没有保存它的计算结果（由程序生成、未经 Excel 计算）。请在 Excel 或 WPS 中打开工作簿并保存一次，或直接填写数值。",
            "The cell holds a formula whose result was not saved in the file (written by a program, never calculated). Open the workbook in Excel or WPS and save it once, or type the value.");

    public static ValidationIssue ErrorValue(string path, string value)
        => Error(RuleCodes.X6, path, $"单元格显示错误值 {value}，请改正公式或直接填写数值。", $"The cell shows the error value {value}; fix the formula or type the value.");

    /// <summary>A date, a time or a TRUE/FALSE where a number is needed (X9): quoted as the cell shows it, never as its serial.</summary>
    public static ValidationIssue NotANumber(string path, Layout.Field field, SheetCell cell)
    {
        var (what, whatEn) = cell.IsBoolean ? ("逻辑值", "a TRUE/FALSE value") : ("日期或时间", "a date or time");
        var (advice, adviceEn) = field.Json switch
        {
            "fiscalYear" => ("请填写四位数的年份，如 2025：先把单元格格式设为“常规”，再重新输入。", "Type the year as four digits, e.g. 2025: set the cell's format to General first, then type it again."),
            "value" => ("如果这个指标是完成时间（如工程完工时间），请把“指标性质”改为“定性”，在“指标值（文字）”中写日期；或者填写月数、天数等数字，并在“计量单位”中写“月”“天”。",
                "If the indicator is a deadline, set 指标性质 to 定性 and write the date in 指标值（文字）; or type a number of months or days with 月 or 天 as its unit."),
            _ => ("请先把单元格格式设为“常规”或“数值”，再重新输入数字。", "Set the cell's format to General or Number first, then type the number again."),
        };
        return Error(RuleCodes.X9, path, $"“{field.Label}”需要数字，但单元格显示的是{what}“{Quoted.Of(cell.Text)}”（Excel 把输入识别成了{what}）。{advice}",
            $"'{field.Label}' needs a number, but the cell shows {whatEn}, '{Quoted.Of(cell.Text)}' (Excel took what was typed as {whatEn}). {adviceEn}");
    }

    /// <summary>
    /// A number whose format shows fewer digits than it holds, in a field that needs a number
    /// (X11): quoting what the cell shows and what it holds (as the formula bar shows it).
    /// </summary>
    public static ValidationIssue HiddenDigits(string path, Layout.Field field, SheetCell cell)
    {
        var held = cell.IsPercent ? CellText.Percent(cell.Number!) + "%" : cell.Number!;
        var blank = cell.Text.Length == 0;
        var shown = blank ? "（空白）" : cell.Text;
        // A percentage stays a percentage: "常规" would show 0.2555 and be read as 0.2555 %.
        var (format, formatEn) = cell.IsPercent ? ("“百分比”、小数位数 2（0.00%）", "Percentage with 2 decimals (0.00%)") : ("“数值”、小数位数 2，或“常规”", "Number with 2 decimals, or General");
        var typeIt = blank ? "直接输入要打印的数" : $"直接输入要打印的数（如 {Quoted.Of(shown)}）";
        var typeItEn = blank ? "type the number to print" : $"type the number to print ({Quoted.Of(shown)})";
        return Error(RuleCodes.X11, path,
            $"“{field.Label}”单元格显示为“{Quoted.Of(shown)}”，实际保存的数是 {held}（选中单元格后在编辑栏中可以看到）：单元格的数字格式隐藏了部分数位。文档不打印单元格中看不到的数，也不替您改动数值，请选择其一：{typeIt}，或者把单元格格式改为{format}后核对这个数。",
            $"'{field.Label}' shows '{Quoted.Of(shown)}' but holds {held} (see the formula bar): the cell's number format hides digits. The document prints no number the cell does not show and does not change the number for you: {typeItEn}, or give the cell the format {formatEn} and check the number.");
    }

    /// <summary>A code typed as a number of more than 15 digits (X9): Excel has already replaced its last digits with zeros.</summary>
    public static ValidationIssue CodeDigitsLost(string path, Layout.Field field, string number)
        => Error(RuleCodes.X9, path, $"“{field.Label}”被 Excel 当作数字保存，单元格显示为“{CellText.General(number)}”：Excel 只保留 15 位有效数字，第 16 位起已变成 0（{number}）。请把单元格格式设为“文本”后重新输入完整的编码。",
            $"'{field.Label}' was stored by Excel as a number and shows as '{CellText.General(number)}': Excel keeps 15 significant digits, so the digits from the 16th on are now zeros ({number}). Set the cell's format to Text and type the whole code again.");

    /// <summary>A code typed in full-width digits or letters (X9): what it stands for in half-width ones.</summary>
    public static ValidationIssue FullWidthCode(string path, Layout.Field field, string text)
        => Error(RuleCodes.X9, path, $"“{field.Label}”中有全角字符“{Quoted.Of(text)}”：编码只能用半角数字和字母，请写作 {Quoted.Of(ValueSlips.ToHalfWidth(text))}（切换到英文输入法或半角状态后输入）。",
            $"'{field.Label}' holds full-width characters, '{Quoted.Of(text)}': a code is ASCII digits and letters; type {Quoted.Of(ValueSlips.ToHalfWidth(text))} (in half-width input mode).");

    public static ValidationIssue MissingSheet(string sheet)
        => Error(RuleCodes.X7, $"工作簿中没有工作表“{sheet}”：这个工作表被删除或改名了，其中应填的内容都无法读取。请使用管理员发的申报表，不要删除或改名工作表（可以从新的空白申报表中把这个工作表复制过来）。",
            $"The workbook has no sheet named '{sheet}': it was deleted or renamed, so nothing that belongs in it can be read. Use the workbook you were given, and do not delete or rename its sheets (copy the sheet from a new blank workbook).");

    /// <summary>A content sheet found under another name (X7): read as the sheet it is, and named once.</summary>
    public static ValidationIssue RenamedSheet(string sheet, string name)
        => Error(RuleCodes.X7, $"工作表“{Quoted.Of(name)}”应名为“{sheet}”（工作表名称被改过）。其中的内容已按“{sheet}”读取和检查；请把工作表名称改回“{sheet}”后再提交。",
            $"The sheet '{Quoted.Of(name)}' should be named '{sheet}' (it was renamed). Its content was read and checked as '{sheet}'; rename it back to '{sheet}' and submit again.");

    public static ValidationIssue MissingHeader(string sheet)
        => Error(RuleCodes.X7, $"工作表“{sheet}”中找不到表头（“{Layout.WorkbookLayout.ProjectCodeHeader}”等列名）：这个工作表的内容都无法读取。请不要删除表头行（可以从新的空白申报表中复制）。",
            $"The sheet '{sheet}' has no header row (with '{Layout.WorkbookLayout.ProjectCodeHeader}' and the other column names), so none of it can be read. Do not delete the header row (copy it from a new blank workbook).");

    /// <summary>A column header or a row label changed (X7): read as the one it was, and named once.</summary>
    public static ValidationIssue RenamedLabel(string label, string typed, bool column)
    {
        var (what, part) = column ? ("列名", "这一列") : ("栏目", "这一行");
        return Error(RuleCodes.X7, $"{what}“{Quoted.Of(typed)}”应为“{label}”（{what}被改过）。{part}已按“{label}”读取和检查；请把{what}改回“{label}”。",
            $"The {(column ? "column" : "label")} '{Quoted.Of(typed)}' should read '{label}' (it was changed). It was read and checked as '{label}'; change it back to '{label}'.");
    }

    /// <summary>A column or a labelled row the sheet lacks (X7): named once, its values not reported again as missing.</summary>
    public static ValidationIssue MissingLabel(string sheet, string label, bool column)
        => column
            ? Error(RuleCodes.X7, $"工作表“{sheet}”的表头中没有“{label}”列：这一列被删除或列名被改得认不出了，其中的内容都无法读取。请恢复这一列，列名写“{label}”（可以从新的空白申报表中复制）。",
                $"The sheet '{sheet}' has no column '{label}' in its header: it was deleted or renamed beyond recognition, so nothing in it can be read. Restore the column with the header '{label}'.")
            : Error(RuleCodes.X7, $"工作表“{sheet}”中没有栏目“{label}”：这一行被删除或栏目名称被改得认不出了，其中的内容无法读取。请恢复这一行，栏目写“{label}”（可以从新的空白申报表中复制）。",
                $"The sheet '{sheet}' has no row labelled '{label}': it was deleted or relabelled beyond recognition, so its value cannot be read. Restore the row with the label '{label}'.");

    /// <summary>The 指标体系 cell names another framework than the one the workbook's drop-downs were written for (X7).</summary>
    public static ValidationIssue FrameworkChanged(string path, string listed, string typed)
        => Error(RuleCodes.X7, path, $"本申报表的一级、二级指标下拉列表是按指标体系“{listed}”生成的，但“指标体系”填的是“{Quoted.Of(typed)}”：下拉列表不会随之改变，按“{Quoted.Of(typed)}”检查的指标名称在列表中选不到。请把“指标体系”改回“{listed}”；如果确实要用另一个指标体系，请向管理员索取按它生成的申报表，把内容复制过去。",
            $"The workbook's 一级/二级 drop-downs were written for the framework '{listed}', but 指标体系 says '{Quoted.Of(typed)}': the lists do not change with it, so names checked against it cannot be chosen from them. Set 指标体系 back to '{listed}', or ask for a workbook written for the other framework and copy the content into it.");

    /// <summary>A sheet DocGen does not know, with something in it (X8): not read, never silently.</summary>
    public static ValidationIssue UnknownSheet(string name)
        => Warning(RuleCodes.X8, JsonPath.Root, $"工作表“{Quoted.Of(name)}”不是申报表中的工作表，其中填写的内容未被读取。如果它是申报表中的某个工作表，请把名称改回原名。",
            $"The sheet '{Quoted.Of(name)}' is not one of the workbook's sheets; what is filled in it was not read. If it is one of them, give it its name back.");

    public static ValidationIssue UnknownProject(string path, string code, string sheet)
        => Error(RuleCodes.X7, path, $"项目编码“{Quoted.Of(code)}”在工作表“{Layout.WorkbookLayout.ProjectsSheet}”中找不到，这一行{RowOf(sheet)}无法归入任何项目。请核对编码。",
            $"The project code '{Quoted.Of(code)}' is not in the sheet '{Layout.WorkbookLayout.ProjectsSheet}': this row belongs to no project. Check the code.");

    public static ValidationIssue NoProjectCode(string path, string sheet)
        => Error(RuleCodes.X7, path, $"没有填写项目编码，这一行{RowOf(sheet)}无法归入项目（工作簿中有多个项目时必须填写）。",
            $"No project code: with several projects in the workbook, each row of '{sheet}' must name its project.");

    public static ValidationIssue DuplicateProject(string path, string code)
        => Error(RuleCodes.X7, path, $"项目编码“{Quoted.Of(code)}”重复出现；每个项目一行，编码不能相同。", $"The project code '{Quoted.Of(code)}' appears twice; one row per project, each with its own code.");

    public static ValidationIssue UnknownLabel(string path, string label)
        => Warning(RuleCodes.X8, path, $"“{Quoted.Of(label)}”不是本表的栏目，这里填写的内容未被读取。请使用表中原有的栏目名称。",
            $"'{Quoted.Of(label)}' is not one of this sheet's labels; what is filled in here was not read. Keep the workbook's own labels.");

    private static string RowOf(string sheet) => sheet == Layout.WorkbookLayout.GoalsSheet ? "绩效目标" : "指标";

    private static ValidationIssue Error(string code, string message, string messageEn) => new(code, Severity.Error, JsonPath.Root, message, messageEn);

    private static ValidationIssue Error(string code, string path, string message, string messageEn) => new(code, Severity.Error, path, message, messageEn);

    private static ValidationIssue Warning(string code, string path, string message, string messageEn) => new(code, Severity.Warning, path, message, messageEn);
}
