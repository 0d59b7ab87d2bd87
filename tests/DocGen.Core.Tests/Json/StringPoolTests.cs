using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Tests.Support;

namespace DocGen.Core.Tests.Json;

public sealed class StringPoolTests
{
    [Fact]
    public void EqualShortValues_AreOneString_AndReadAsTheReaderReadsThem()
    {
        var values = Read("""["产出指标", "产出指标", "%", "≥", "%"]""");

        Assert.Equal(["产出指标", "产出指标", "%", "≥", "%"], values);
        Assert.Same(values[0], values[1]);
        Assert.Same(values[2], values[4]);
    }

    [Fact]
    public void EscapedValues_AreSharedWithTheirPlainSpelling_LongOnesReadInFull()
    {
        var longText = new string('文', 40); // longer than what is pooled
        var values = Read($$"""["\u4ea7\u51fa", "产出", "{{longText}}", "{{longText}}", "a\"b", "a\"b"]""");

        Assert.Equal(["产出", "产出", longText, longText, "a\"b", "a\"b"], values);
        Assert.Same(values[0], values[1]);
        Assert.NotSame(values[2], values[3]);
        Assert.Same(values[4], values[5]);
    }

    [Fact]
    public void ALoneSurrogateEscape_StillThrowsAsTheReaderDoes()
    {
        var bytes = Encoding.UTF8.GetBytes("""["\ud800"]""");
        var pool = new StringPool();

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            reader.Read();
            pool.Get(ref reader);
        });
    }

    [Fact]
    public void ATableOfRepeatedCategories_HoldsOneStringPerCategory()
    {
        var check = Seed.CheckWith(r =>
        {
            var indicators = r["projects"]![0]!["indicators"]!.AsArray();
            indicators.Add(indicators[0]!.DeepClone());
            indicators[^1]!["name"] = "另一个指标";
        });
        var indicators = check.Submission!.Projects![0].Indicators!;

        Assert.Same(indicators[0].Level1, indicators[^1].Level1);
        Assert.Same(indicators[0].Unit, indicators[^1].Unit);
    }

    private static List<string> Read(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var pool = new StringPool();
        var values = new List<string>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(pool.Get(ref reader));
        }

        return values;
    }
}
