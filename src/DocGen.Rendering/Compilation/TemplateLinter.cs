using System.Collections;
using System.Reflection;
using DocGen.Core.Json;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;
using DocGen.Core.Rules;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Checks every tag of a part against the model templates see (<see cref="DocumentModel"/>)
/// before any submission is affected: helpers that do not exist (T6), fields the model does not
/// have, with a “did you mean” (T7), and loops over something that is not a list (T8). It walks
/// the block tree, so a name inside <c>{{#each projects}}</c> is looked up on a project. Inside a
/// block that was never closed the scope is uncertain: a name is accepted when any scope that
/// could apply has it, so one structural mistake does not turn into a list of invented ones.
/// </summary>
internal sealed class TemplateLinter(TemplateLocator locator, List<TemplateProblem> problems)
{
    /// <summary>The data variables of a loop (<c>@root</c> is resolved on its own).</summary>
    private static readonly HashSet<string> s_loopVariables = ["@index", "@first", "@last", "@key"];

    public void Check(BlockTree tree) => CheckChildren(tree, tree.Root, LintScope.Root(typeof(DocumentModel)));

    private void CheckChildren(BlockTree tree, Block block, LintScope scope)
    {
        var current = scope;
        foreach (var tag in block.Children)
        {
            switch (tag.Kind)
            {
                case TagKind.Open:
                    var inner = tree.BlockOf(tag);
                    var innerScope = OpenBlock(tag, current);
                    CheckChildren(tree, inner, inner.Close is null ? innerScope.OrElse(current) : innerScope);
                    break;
                case TagKind.Else:
                    // The else branch of a loop or #with runs in the scope around the block.
                    if (block.Name is "each" or "with" && current.Parent is { } outside)
                    {
                        current = outside;
                    }

                    if (tag.ElseCondition.Length > 0)
                    {
                        CheckExpression(tag, [.. ArgumentTokens.Split(tag.ElseCondition).Skip(1)], current);
                    }

                    break;
                case TagKind.Expression:
                    CheckExpression(tag, ArgumentTokens.Split(tag.Inner), current);
                    break;
            }
        }
    }

    private static string Example(string block) => block is "each" ? "projects" : block is "with" ? "unit" : "hasPart1";

    /// <summary>Checks an open tag; returns the scope of what the block encloses.</summary>
    private LintScope OpenBlock(Tag tag, LintScope current)
    {
        var name = tag.Name;
        var arguments = ArgumentTokens.Split(tag.Arguments);
        if (!TemplateHelpers.BuiltIn.Contains(name) && name != "cells")
        {
            problems.Add(UnknownHelper(tag, name));
            return current.Nested(current.Types);
        }

        // Handlebars' own blocks take one value here (block parameters, "as |x|", are not part of
        // DocGen's template language); its parser crashes on other counts.
        if (name is "if" or "unless" or "each" or "with" && arguments.Count != 1)
        {
            problems.Add(new TemplateProblem(RuleCodes.T4, locator.Locate(tag),
                $"“{tag.Text}”：{{{{#{name}}}}} 后面应写且只写一个字段，如 {{{{#{name} {Example(name)}}}}}。",
                $"'{tag.Text}': {{{{#{name}}}}} takes exactly one field, e.g. {{{{#{name} {Example(name)}}}}}."));
            return current.Nested([]);
        }

        var argumentType = arguments.Count > 0 ? CheckArgument(tag, arguments[0], current) : null;
        foreach (var extra in arguments.Skip(1))
        {
            CheckArgument(tag, extra, current);
        }

        switch (name)
        {
            case "each" or "cells":
                if (argumentType is not null && ElementType(argumentType) is null)
                {
                    problems.Add(new TemplateProblem(RuleCodes.T8, locator.Locate(tag),
                        $"“{tag.Text}”：{arguments[0]} 不是列表，不能循环。",
                        $"'{tag.Text}': {arguments[0]} is not a list and cannot be looped over."));
                    return current.Loop([]);
                }

                return current.Loop(argumentType is null ? [] : [ElementType(argumentType)!]);
            case "with":
                return current.Nested(argumentType is null ? [] : [argumentType]);
            default:
                return current.Nested(current.Types);
        }
    }

    private void CheckExpression(Tag tag, List<string> tokens, LintScope scope)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var head = tokens[0];
        var isHelper = tokens.Count > 1 || TemplateHelpers.Public.Contains(head) || head.StartsWith("__", StringComparison.Ordinal);
        if (!isHelper)
        {
            CheckArgument(tag, head, scope);
            return;
        }

        if (!TemplateHelpers.Public.Contains(head) && !TemplateHelpers.BuiltIn.Contains(head))
        {
            problems.Add(UnknownHelper(tag, head));
        }

        foreach (var argument in tokens.Skip(1))
        {
            CheckArgument(tag, argument, scope);
        }
    }

    /// <summary>Checks one argument; returns its type when it is a path the model resolves.</summary>
    private Type? CheckArgument(Tag tag, string argument, LintScope scope)
    {
        if (argument.StartsWith('(') && argument.EndsWith(')'))
        {
            CheckExpression(tag, ArgumentTokens.Split(argument[1..^1]), scope);
            return null;
        }

        if (ArgumentTokens.IsLiteral(argument) || argument.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        if (!argument.All(static c => char.IsLetterOrDigit(c) || c is '_' or '@' or '.' or '/' or '[' or ']' or '-' or '$'))
        {
            problems.Add(new TemplateProblem(RuleCodes.T4, locator.Locate(tag),
                $"“{tag.Text}”语法错误：“{argument}”不是有效的字段名（检查括号、引号和花括号）。",
                $"'{tag.Text}' has a syntax error: '{argument}' is not a valid name (check parentheses, quotes and braces)."));
            return null;
        }

        if (argument.StartsWith('@'))
        {
            var variable = argument.Split('.', 2)[0];
            if (variable == "@root")
            {
                return Resolve(tag, argument, argument.Length > 5 ? argument[6..] : "", [typeof(DocumentModel)]);
            }

            if (!s_loopVariables.Contains(variable) || !scope.InLoop)
            {
                problems.Add(new TemplateProblem(RuleCodes.T7, locator.Locate(tag),
                    $"“{tag.Text}”：{variable} 只能在 {{{{#each}}}} 循环内使用。",
                    $"'{tag.Text}': {variable} is only defined inside an {{{{#each}}}} loop."));
            }

            return variable is "@index" ? typeof(int) : variable is "@first" or "@last" ? typeof(bool) : null;
        }

        var path = argument;
        var target = scope;
        while (path.StartsWith("../", StringComparison.Ordinal))
        {
            path = path[3..];
            target = target?.Parent;
        }

        if (target is null || target.Types.Count == 0)
        {
            return null; // a scope whose type is unknown: nothing to check against
        }

        if (path is "this" or ".")
        {
            return target.Types[0];
        }

        if (path.StartsWith("this.", StringComparison.Ordinal))
        {
            path = path[5..];
        }

        return Resolve(tag, argument, path, target.Types);
    }

    /// <summary>Resolves a dotted path on the first candidate type that has it; reports it (T7) when none has.</summary>
    private Type? Resolve(Tag tag, string argument, string path, IReadOnlyList<Type> candidates)
    {
        (string Segment, Type Type)? firstMiss = null;
        foreach (var type in candidates)
        {
            var (resolved, miss) = TryResolve(path, type);
            if (miss is null)
            {
                return resolved;
            }

            // Name the miss on a model record when there is one: that message lists its fields.
            if (firstMiss is null || (!IsModelType(firstMiss.Value.Type) && IsModelType(miss.Value.Type)))
            {
                firstMiss = miss;
            }
        }

        if (firstMiss is { } m)
        {
            problems.Add(NoSuchField(tag, argument, m.Segment, m.Type));
        }

        return null;
    }

    private static (Type? Resolved, (string Segment, Type Type)? Miss) TryResolve(string path, Type type)
    {
        var current = type;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('[') || int.TryParse(segment, out _))
            {
                current = ElementType(current) ?? current;
                continue;
            }

            if (ElementType(current) is not null && segment is "length" or "count")
            {
                current = typeof(int);
                continue;
            }

            var property = IsModelType(current) ? current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) : null;
            if (property is null)
            {
                return (null, (segment, current));
            }

            current = property.PropertyType;
        }

        return (current, null);
    }

    private TemplateProblem NoSuchField(Tag tag, string argument, string segment, Type type)
    {
        if (!IsModelType(type))
        {
            // A text, a number or a list here: it has no fields, whatever .NET type carries it.
            return new TemplateProblem(RuleCodes.T7, locator.Locate(tag),
                $"“{tag.Text}”：这里的数据是{Describe(type)}，没有字段“{segment}”（在 {argument} 中）。" + (ElementType(type) is null ? "要输出它本身，请写 {{this}}。" : "要逐项输出，请用 {{#each}}。"),
                $"'{tag.Text}': the data here is {DescribeEn(type)} and has no field '{segment}' (in {argument})." + (ElementType(type) is null ? " To print it, write {{this}}." : " Loop over it with {{#each}}."));
        }

        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(static p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();
        var suggestion = NameSuggestions.Suggest(segment, known);
        return new TemplateProblem(RuleCodes.T7, locator.Locate(tag),
            $"“{tag.Text}”：数据中没有字段“{segment}”（在 {argument} 中）。" + (suggestion is null ? $"这里可用的字段：{string.Join("、", known)}。" : $"您是否想写“{suggestion}”？"),
            $"'{tag.Text}': the data has no field '{segment}' (in {argument})." + (suggestion is null ? $" Fields here: {string.Join(", ", known)}." : $" Did you mean '{suggestion}'?"));
    }

    private TemplateProblem UnknownHelper(Tag tag, string name)
    {
        var suggestion = NameSuggestions.Suggest(name, [.. TemplateHelpers.Public, .. TemplateHelpers.BuiltIn]);
        return new TemplateProblem(RuleCodes.T6, locator.Locate(tag),
            $"“{tag.Text}”：没有名为“{name}”的帮助函数。" + (suggestion is null ? $"可用：{string.Join("、", TemplateHelpers.Public.Concat(TemplateHelpers.BuiltIn))}。" : $"您是否想写“{suggestion}”？"),
            $"'{tag.Text}': there is no helper '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
    }

    /// <summary>The records templates see: the only types whose members are fields to an admin.</summary>
    private static bool IsModelType(Type type) => type.Namespace == typeof(DocumentModel).Namespace && type.IsClass;

    private static string Describe(Type type)
        => ElementType(type) is not null ? "一个列表" : type == typeof(string) ? "一段文字" : type == typeof(bool) ? "是/否" : "一个数字";

    private static string DescribeEn(Type type)
        => ElementType(type) is not null ? "a list" : type == typeof(string) ? "a text" : type == typeof(bool) ? "yes/no" : "a number";

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return list?.GetGenericArguments()[0] ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);
    }
}
