using System.Globalization;

namespace DocGen.Rendering.Engine;

/// <summary>
/// The contract between the compiler and the engine: the names of the helpers the compiler inserts
/// into a template (never typed by admins; <c>__</c>-prefixed) and the data variable through which
/// they reach the state of the render in progress.
/// </summary>
internal static class InternalHelpers
{
    /// <summary>Key of the render's <see cref="RenderState"/> in the Handlebars data of one render.</summary>
    public const string StateKey = "__state";

    /// <summary>How a tag addresses it: a data variable, the same in every block and loop.</summary>
    public const string State = "@" + StateKey;

    public const string BookmarkStart = "__bmStart";
    public const string BookmarkEnd = "__bmEnd";
    public const string BookmarkName = "__bmName";
    public const string VerticalMerge = "__vmerge";
    public const string MergeReset = "__mergeReset";
    public const string MergeText = "__mergeText";
    public const string Cells = "__cells";
    public const string CellSpan = "__span";
    public const string CellWidth = "__width";
    public const string CellBody = "__cellBody";
    public const string Grid = "__grid";
    public const string GridSpanBetween = "__gridSpan";
    public const string KeepWithLast = "__keepWithLast";

    /// <summary>
    /// Where copy <paramref name="k"/> of <paramref name="n"/> equal shares of [<paramref name="from"/>, <paramref name="to"/>]
    /// begins (twips): one rounding, used both for the grid's lines and for the copies' spans, so they meet.
    /// </summary>
    public static int Share(int from, int to, int k, int n) => from + (int)Math.Round((double)(to - from) * k / Math.Max(n, 1), MidpointRounding.AwayFromZero);

    /// <summary>An internal helper call, the render state first: <c>{{__bmStart @__state 3}}</c>.</summary>
    public static string Call(string helper, params object[] arguments)
        => "{{" + helper + " " + State + string.Concat(arguments.Select(static a => " " + Convert.ToString(a, CultureInfo.InvariantCulture))) + "}}";

    /// <summary>The opening tag of an internal block helper.</summary>
    public static string OpenBlock(string helper, params object[] arguments) => "{{#" + Call(helper, arguments)[2..];

    /// <summary>The closing tag of an internal block helper.</summary>
    public static string CloseBlock(string helper) => "{{/" + helper + "}}";
}
