using System.Collections;
using System.Globalization;
using DocGen.Core.Model;
using DocGen.Rendering.Model;
using HandlebarsDotNet;

namespace DocGen.Rendering.Engine;

/// <summary>
/// The Handlebars environment of DocGen templates: one isolated environment (no global
/// registrations), values XML-encoded for Word, a typo in a template fails the render instead of
/// printing blank, and the helpers admins use (see docs of each) plus internal ones the compiler
/// inserts (prefixed <c>__</c>).
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>Helpers an admin may type in a template.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal)
    {
        "amount", "percent", "ordinal", "number", "chineseNumber", "indicatorValue", "join", "merge", "cells", "pageBreak",
    };

    /// <summary>Handlebars' own helpers.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "unless", "each", "with", "lookup", "log",
    };

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static IHandlebars CreateEnvironment()
    {
        var configuration = new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            FormatProvider = s_inv,
            TextEncoder = new XmlTextEncoder(),
        };
        configuration.CompileTimeConfiguration.Features.Add(new TieredCompilationFeature());
        var env = Handlebars.Create(configuration);

        env.RegisterHelper("amount", static (output, _, args) => output.Write(Format(Decimal(args, 0, "amount"), "0.00")));
        env.RegisterHelper("percent", static (output, _, args) => output.Write(Format(Decimal(args, 0, "percent"), "0.00") + "%"));
        env.RegisterHelper("ordinal", static (output, _, args) => output.Write(ChineseNumber(Int(args, 0, "ordinal") + 1) + "是"));
        env.RegisterHelper("number", static (output, _, args) => output.Write((Int(args, 0, "number") + 1).ToString(s_inv)));
        env.RegisterHelper("chineseNumber", static (output, _, args) => output.Write(ChineseNumber(Int(args, 0, "chineseNumber"))));
        env.RegisterHelper("indicatorValue", static (output, _, args) => output.Write(IndicatorValue(args.Length > 0 ? args[0] : null)));
        env.RegisterHelper("join", static (output, _, args) => output.Write(Join(args)));

        // A page break inside the run that holds the tag (it keeps the run's formatting for what follows):
        // {{#unless @first}}{{pageBreak}}{{/unless}} at the start of a heading starts every project but the first on a new page.
        env.RegisterHelper("pageBreak", static (output, _, _) => output.Write("</w:t><w:br w:type=\"page\"/><w:t xml:space=\"preserve\">", false));

        // Outside a table cell, “merge” just prints its value; in a cell the compiler rewrites it.
        env.RegisterHelper("merge", static (output, _, args) => output.Write(args.Length > 0 ? Convert.ToString(args[0], s_inv) : ""));
        env.RegisterHelper("cells", static (output, options, context, args) => Each(output, options, args.Length > 0 ? args[0] : null, state: null, span: 1, width: 0, between: null));

        RegisterInternalHelpers(env);
        return env;
    }

    /// <summary>The helpers the compiler inserts (<see cref="InternalHelpers"/>); each gets the render's state first.</summary>
    private static void RegisterInternalHelpers(IHandlebars env)
    {
        env.RegisterHelper(InternalHelpers.BookmarkStart, static (output, _, args) => output.Write(State(args).StartBookmark(Int(args, 1, InternalHelpers.BookmarkStart)).ToString(s_inv)));
        env.RegisterHelper(InternalHelpers.BookmarkEnd, static (output, _, args) => output.Write(State(args).EndBookmark(Int(args, 1, InternalHelpers.BookmarkEnd)).ToString(s_inv)));
        env.RegisterHelper(InternalHelpers.BookmarkName, static (output, _, args) => output.Write(State(args).BookmarkName(Int(args, 1, InternalHelpers.BookmarkName), args.Length > 2 ? args[2] : null)));
        env.RegisterHelper(InternalHelpers.VerticalMerge, static (output, _, args) =>
        {
            var restart = State(args).MergeCell(Int(args, 1, InternalHelpers.VerticalMerge), Convert.ToString(args[2], s_inv) ?? "");
            output.Write(restart ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>", false);
        });
        env.RegisterHelper(InternalHelpers.MergeReset, static (_, _, args) => State(args).ResetMerges());
        env.RegisterHelper(InternalHelpers.MergeText, static (output, _, args) => output.Write(State(args).MergeText(Int(args, 1, InternalHelpers.MergeText)) ?? ""));
        env.RegisterHelper(InternalHelpers.Cells, static (output, options, context, args) =>
            Each(output, options, args.Length > 1 ? args[1] : null, State(args), Int(args, 2, InternalHelpers.Cells), Int(args, 3, InternalHelpers.Cells),
                args.Length > 5 ? (Int(args, 4, InternalHelpers.Cells), Int(args, 5, InternalHelpers.Cells)) : null));
        env.RegisterHelper(InternalHelpers.Grid, static (output, _, args) => WriteGrid(output, State(args), args));
        env.RegisterHelper(InternalHelpers.GridSpanBetween, static (output, _, args) =>
            output.Write(State(args).ColumnsBetween(Int(args, 1, InternalHelpers.GridSpanBetween), Int(args, 2, InternalHelpers.GridSpanBetween)).ToString(s_inv)));
        env.RegisterHelper(InternalHelpers.KeepWithLast, static (output, _, args) =>
        {
            // The item before the last keeps with the next: a table never ends with one row alone on a page.
            if (args.Length > 2 && args[1] is System.Collections.ICollection { Count: >= 2 } items && Convert.ToInt32(args[2], s_inv) == items.Count - 2)
            {
                output.Write("<w:keepNext/>", false);
            }
        });
        env.RegisterHelper(InternalHelpers.CellSpan, static (output, _, args) => output.Write(State(args).CellSpan.ToString(s_inv)));
        env.RegisterHelper(InternalHelpers.CellWidth, static (output, _, args) => output.Write(State(args).CellWidth.ToString(s_inv)));
        env.RegisterHelper(InternalHelpers.CellBody, static (output, options, context, args) =>
        {
            // A table cell must hold a paragraph even when every paragraph in it was conditional.
            var body = options.Template();
            output.Write(body, false);
            if (!body.Contains("<w:p>", StringComparison.Ordinal) && !body.Contains("<w:p ", StringComparison.Ordinal))
            {
                output.Write("<w:p/>", false);
            }
        });
    }

    /// <summary>
    /// Repeats a table cell per item, sharing the template cell's grid columns among the copies:
    /// in equal widths where the table's grid was written for them (<paramref name="between"/>: the
    /// cell's two grid lines; see <see cref="WriteGrid"/>), else by count of columns.
    /// </summary>
    private static void Each(EncodedTextWriter output, BlockHelperOptions options, object? list, RenderState? state, int span, int width, (int From, int To)? between)
    {
        var items = list is IEnumerable e and not string ? e.Cast<object?>().ToList() : [];
        var n = items.Count;
        for (var i = 0; i < n; i++)
        {
            if (state is not null && between is var (from, to))
            {
                var (start, end) = (InternalHelpers.Share(from, to, i, n), InternalHelpers.Share(from, to, i + 1, n));
                (state.CellSpan, state.CellWidth) = (state.ColumnsBetween(start, end), end - start);
            }
            else if (state is not null)
            {
                // n copies share the span: the first (span mod n) get one column more.
                state.CellSpan = n >= span ? 1 : (span / n) + (i < span % n ? 1 : 0);
                state.CellWidth = n >= span ? width / Math.Max(n, 1) : width * state.CellSpan / Math.Max(span, 1);
            }

            options.Template(output, items[i]);
        }
    }

    /// <summary>
    /// Writes a table's grid for this document: the template's lines (args[1], "0,1125,…") and,
    /// for each repeated cell (then triples of list, from, to), a line at each copy's equal share.
    /// </summary>
    private static void WriteGrid(EncodedTextWriter output, RenderState state, Arguments args)
    {
        var lines = new SortedSet<int>(Convert.ToString(args[1], s_inv)!.Split(',').Select(static l => int.Parse(l, s_inv)));
        for (var k = 2; k + 2 < args.Length; k += 3)
        {
            var n = args[k] is IEnumerable e and not string ? e.Cast<object?>().Count() : 0;
            var (from, to) = (Int(args, k + 1, InternalHelpers.Grid), Int(args, k + 2, InternalHelpers.Grid));
            for (var i = 1; i < n; i++)
            {
                lines.Add(InternalHelpers.Share(from, to, i, n));
            }
        }

        state.GridLines = [.. lines];
        for (var i = 1; i < state.GridLines.Count; i++)
        {
            output.Write($"<w:gridCol w:w=\"{(state.GridLines[i] - state.GridLines[i - 1]).ToString(s_inv)}\"/>", false);
        }
    }

    internal static string IndicatorValue(object? value)
    {
        if (value is not IndicatorView i)
        {
            return Convert.ToString(value, s_inv) ?? "";
        }

        if (i.ValueText is { } text)
        {
            return text; // qualitative text, or a full display override
        }

        if (i.Comparator is not { } sym || i.Value is not { } v)
        {
            return "";
        }

        var number = v.ToString(s_inv);
        return $"{sym}{number}{Comparators.Wording(sym)}{number}{i.Unit}";
    }

    /// <summary>一 … 十, 十一 … 九十九, then digits.</summary>
    internal static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 1 or > 99 => n.ToString(s_inv),
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    private static string Join(Arguments args)
    {
        var separator = args.Length > 1 ? Convert.ToString(args[1], s_inv) : "、";
        return args.Length > 0 && args[0] is IEnumerable e and not string
            ? string.Join(separator, e.Cast<object?>().Select(static o => Convert.ToString(o, s_inv)))
            : "";
    }

    private static string Format(decimal value, string format) => value.ToString(format, s_inv);

    private static RenderState State(Arguments args)
        => args.Length > 0 && args[0] is RenderState s ? s : throw new HandlebarsRuntimeException("DocGen internal helper called without render state.");

    private static decimal Decimal(Arguments args, int index, string helper)
    {
        var value = args.Length > index ? args[index] : null;
        return value switch
        {
            decimal d => d,
            int n => n,
            long n => n,
            double d => (decimal)d,
            string s when decimal.TryParse(s, NumberStyles.Number, s_inv, out var d) => d,
            _ => throw new HandlebarsRuntimeException($"Helper '{helper}' expects a number; got '{value}'."),
        };
    }

    private static int Int(Arguments args, int index, string helper)
        => args.Length > index && args[index] is { } v && int.TryParse(Convert.ToString(v, s_inv), NumberStyles.Integer, s_inv, out var n)
            ? n
            : throw new HandlebarsRuntimeException($"Helper '{helper}' expects a whole number as argument {index + 1}.");
}
