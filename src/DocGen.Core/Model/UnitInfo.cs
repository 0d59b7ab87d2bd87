using System.ComponentModel;

namespace DocGen.Core.Model;

[Description("单位 unit")]
public sealed record UnitInfo
{
    [Description("单位编码 unit.code (数字，通常 6 位)")]
    [RequiredMember]
    public string? Code { get; init; }

    [Description("单位名称 unit.name")]
    [RequiredMember]
    public string? Name { get; init; }

    [Description("单位简称 unit.shortName (用于小标题)")]
    public string? ShortName { get; init; }
}
