namespace DocGen.Worker.Pdf;

/// <summary>A converter lent by a <see cref="ConverterQueue{T}"/>, and whether it went to a long document (given back with it).</summary>
internal sealed record ConverterLease<T>(T Converter, bool Long);
