namespace DocGen.Worker.Service.Status;

/// <summary>One value of a <see cref="ServiceMetric"/>, with its labels (<c>outcome="published"</c>…).</summary>
public readonly record struct MetricPoint(long Value, IReadOnlyList<KeyValuePair<string, string>> Labels)
{
    public static MetricPoint Of(long value) => new(value, []);

    public static MetricPoint Of(long value, string label, string labelValue) => new(value, [new(label, labelValue)]);
}
