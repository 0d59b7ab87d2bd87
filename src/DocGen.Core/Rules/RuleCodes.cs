namespace DocGen.Core.Rules;

/// <summary>
/// The rule codes, each written once (constants, so that attributes can name them too). What each
/// means is in <see cref="RuleCatalog"/>; decisions never compare codes as text.
/// </summary>
public static class RuleCodes
{
    public const string D1 = "D1";
    public const string D2 = "D2";
    public const string D3 = "D3";
    public const string D4 = "D4";
    public const string D5 = "D5";
    public const string D6 = "D6";
    public const string D7 = "D7";
    public const string D8 = "D8";
    public const string D9 = "D9";
    public const string D10 = "D10";
    public const string D11 = "D11";
    public const string S1 = "S1";
    public const string T0 = "T0";
    public const string T1 = "T1";
    public const string T2 = "T2";
    public const string T3 = "T3";
    public const string T4 = "T4";
    public const string T5 = "T5";
    public const string T6 = "T6";
    public const string T7 = "T7";
    public const string T8 = "T8";
    public const string T9 = "T9";
    public const string T10 = "T10";
    public const string T11 = "T11";
    public const string T12 = "T12";
    public const string V1 = "V1";
    public const string V2 = "V2";
    public const string V3 = "V3";
    public const string V4 = "V4";
    public const string V5 = "V5";
    public const string V6 = "V6";
    public const string V7 = "V7";
    public const string V8 = "V8";
    public const string V9 = "V9";
    public const string V10 = "V10";
    public const string V11 = "V11";
    public const string V12 = "V12";
    public const string V13 = "V13";
    public const string V14 = "V14";
    public const string V15 = "V15";
    public const string V16 = "V16";
    public const string V17 = "V17";
    public const string V18 = "V18";
    public const string V19 = "V19";
    public const string V20 = "V20";
    public const string V21 = "V21";
    public const string V22 = "V22";
    public const string V23 = "V23";
    public const string V24 = "V24";
    public const string V25 = "V25";
    public const string V26 = "V26";
    public const string V27 = "V27";
    public const string V28 = "V28";
    public const string V29 = "V29";
    public const string X1 = "X1";
    public const string X2 = "X2";
    public const string X3 = "X3";
    public const string X4 = "X4";
    public const string X5 = "X5";
    public const string X6 = "X6";
    public const string X7 = "X7";
    public const string X8 = "X8";
    public const string X9 = "X9";
    public const string X10 = "X10";
    public const string X11 = "X11";
}
