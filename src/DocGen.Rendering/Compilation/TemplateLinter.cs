using System.Collections;
using System.Reflection;
using System.Text;
using DocGen.Core.Json;
using DocGen.Rendering.Engine;
using DocGen.Rendering.Model;

namespace DocGen.Rendering.Compilation;

/// <summary>
/// Checks every tag of a template against the model templates see (<see cref="DocumentModel"/>)
/// before any submission is affected: helpers that do not exist (T6), fields the model does not
/// have, with a “did you mean” (T7), and loops over something that is not a list (T8). Scopes follow
/// the blocks: inside <c>{{#each projects}}</c> a name is looked up on a project.
/// </summary>
internal sealed class TemplateLinter
{
    /// <summary>The data variables of a loop (<c>@root</c> is resolved on its own).</summary>
    private static readonly HashSet<string> s_loopVariables = ["@index", "@first", "@last", "@key"];

    private readonly Func<Tag, TemplateLocation> _locate;
    private readonly List<TemplateProblem> _problems;

    /// <summary>The innermost block's scope on top.</summary>
    private readonly Stack<Scope> _scopes = new();

    private TemplateLinter(Func<Tag, TemplateLocation> locate, List<TemplateProblem> problems)
    {
        _locate = locate;
        _problems = problems;
        _scopes.Push(new Scope(typeof(DocumentModel), InLoop: false));
    }

    private sealed record Scope(Type? Type, bool InLoop);

    public static void Check(IReadOnlyList<Tag> tags, Func<Tag, TemplateLocation> locate, List<TemplateProblem> problems)
        => new TemplateLinter(locate, problems).Check(tags);

    private void Check(IReadOnlyList<Tag> tags)
    {
        foreach (var tag in tags)
        {
            switch (tag.Kind)
            {
                case TagKind.Open:
                    _scopes.Push(OpenBlock(tag));
                    break;
                case TagKind.Close when _scopes.Count > 1:
                    _scopes.Pop();
                    break;
                case TagKind.Else:
                    var condition = tag.Inner.StartsWith("else ", StringComparison.Ordinal) ? tag.Inner[5..].Trim() : "";
                    if (condition.Length > 0)
                    {
                        CheckExpression(tag, Tokenize(condition).Skip(1).ToList());
                    }

                    break;
                case TagKind.Expression:
                    CheckExpression(tag, Tokenize(tag.Inner));
                    break;
            }
        }
    }

    private Scope OpenBlock(Tag tag)
    {
        var name = tag.Name;
        var arguments = Tokenize(tag.Arguments);
        var current = _scopes.Peek();
        if (!TemplateHelpers.BuiltIn.Contains(name) && name != "cells")
        {
            _problems.Add(UnknownHelper(tag, name));
            return current;
        }

        var argumentType = arguments.Count > 0 ? CheckArgument(tag, arguments[0]) : null;
        foreach (var extra in arguments.Skip(1))
        {
            CheckArgument(tag, extra);
        }

        switch (name)
        {
            case "each" or "cells":
                if (argumentType is not null && ElementType(argumentType) is not { } element)
                {
                    _problems.Add(new TemplateProblem("T8", _locate(tag),
                        $"“{tag.Text}”：{arguments[0]} 不是列表，不能循环。",
                        $"'{tag.Text}': {arguments[0]} is not a list and cannot be looped over."));
                    return new Scope(null, InLoop: true);
                }

                return new Scope(argumentType is null ? null : ElementType(argumentType), InLoop: true);
            case "with":
                return new Scope(argumentType, current.InLoop);
            default:
                return current;
        }
    }

    private void CheckExpression(Tag tag, List<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var head = tokens[0];
        var isHelper = tokens.Count > 1 || TemplateHelpers.Public.Contains(head) || head.StartsWith("__", StringComparison.Ordinal);
        if (!isHelper)
        {
            CheckArgument(tag, head);
            return;
        }

        if (!TemplateHelpers.Public.Contains(head) && !TemplateHelpers.BuiltIn.Contains(head))
        {
            _problems.Add(UnknownHelper(tag, head));
        }

        foreach (var argument in tokens.Skip(1))
        {
            CheckArgument(tag, argument);
        }
    }

    /// <summary>Checks one argument; returns its type when it is a path the model resolves.</summary>
    private Type? CheckArgument(Tag tag, string argument)
    {
        if (argument.StartsWith('(') && argument.EndsWith(')'))
        {
            CheckExpression(tag, Tokenize(argument[1..^1]));
            return null;
        }

        if (IsLiteral(argument) || argument.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        if (!argument.All(static c => char.IsLetterOrDigit(c) || c is '_' or '@' or '.' or '/' or '[' or ']' or '-' or '$'))
        {
            _problems.Add(new TemplateProblem("T4", _locate(tag),
                $"“{tag.Text}”语法错误：“{argument}”不是有效的字段名（检查括号、引号和花括号）。",
                $"'{tag.Text}' has a syntax error: '{argument}' is not a valid name (check parentheses, quotes and braces)."));
            return null;
        }

        if (argument.StartsWith('@'))
        {
            var variable = argument.Split('.', 2)[0];
            if (variable == "@root")
            {
                return Resolve(tag, argument, argument.Length > 5 ? argument[6..] : "", typeof(DocumentModel));
            }

            if (!s_loopVariables.Contains(variable) || !_scopes.Peek().InLoop)
            {
                _problems.Add(new TemplateProblem("T7", _locate(tag),
                    $"“{tag.Text}”：{variable} 只能在 {{{{#each}}}} 循环内使用。",
                    $"'{tag.Text}': {variable} is only defined inside an {{{{#each}}}} loop."));
            }

            return variable is "@index" ? typeof(int) : variable is "@first" or "@last" ? typeof(bool) : null;
        }

        var path = argument;
        var levels = 0;
        while (path.StartsWith("../", StringComparison.Ordinal))
        {
            path = path[3..];
            levels++;
        }

        var scope = _scopes.ElementAtOrDefault(levels);
        if (scope?.Type is null)
        {
            return null; // a scope whose type is unknown: nothing to check against
        }

        if (path is "this" or ".")
        {
            return scope.Type;
        }

        if (path.StartsWith("this.", StringComparison.Ordinal))
        {
            path = path[5..];
        }

        return Resolve(tag, argument, path, scope.Type);
    }

    private Type? Resolve(Tag tag, string argument, string path, Type type)
    {
        var current = type;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('[') || int.TryParse(segment, out _))
            {
                current = ElementType(current) ?? current;
                continue;
            }

            var property = current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.Name == nameof(DocumentModel.State))
            {
                var known = current.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(static p => p.Name != nameof(DocumentModel.State))
                    .Select(static p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();
                var suggestion = NameSuggestions.Suggest(segment, known);
                _problems.Add(new TemplateProblem("T7", _locate(tag),
                    $"“{tag.Text}”：数据中没有字段“{segment}”（在 {argument} 中）。" + (suggestion is null ? $"可用字段：{string.Join("、", known)}。" : $"您是否想写“{suggestion}”？"),
                    $"'{tag.Text}': the data has no field '{segment}' (in {argument})." + (suggestion is null ? $" Fields here: {string.Join(", ", known)}." : $" Did you mean '{suggestion}'?")));
                return null;
            }

            current = property.PropertyType;
        }

        return current;
    }

    private TemplateProblem UnknownHelper(Tag tag, string name)
    {
        var suggestion = NameSuggestions.Suggest(name, [.. TemplateHelpers.Public, .. TemplateHelpers.BuiltIn]);
        return new TemplateProblem("T6", _locate(tag),
            $"“{tag.Text}”：没有名为“{name}”的帮助函数。" + (suggestion is null ? $"可用：{string.Join("、", TemplateHelpers.Public.Concat(TemplateHelpers.BuiltIn))}。" : $"您是否想写“{suggestion}”？"),
            $"'{tag.Text}': there is no helper '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
    }

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

    private static bool IsLiteral(string token)
        => token.StartsWith('"') || token.StartsWith('\'') || token is "true" or "false" or "null" or "undefined"
            || double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Splits a tag's inside into tokens: quoted strings and parenthesised sub-expressions stay whole.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in text.TrimStart('#', '/', '^'))
        {
            if (quote is { } q)
            {
                current.Append(c);
                if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == '(')
            {
                depth++;
                current.Append(c);
            }
            else if (c == ')')
            {
                depth--;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
