namespace DocGen.Rendering.Model;

public sealed record BudgetView(decimal Total, decimal Fiscal, decimal Other);
