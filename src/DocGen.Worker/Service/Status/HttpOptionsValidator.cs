using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service.Status;

/// <summary>
/// The rule of <see cref="DocGenOptions.Http"/> and <see cref="DocGenOptions.HttpToken"/>
/// (<see cref="HttpSetting.Problem"/>), as an options validator: every host that binds the options
/// checks it, the service's and the tests' alike, not only the command line's.
/// </summary>
public sealed class HttpOptionsValidator : IValidateOptions<DocGenOptions>
{
    public ValidateOptionsResult Validate(string? name, DocGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return HttpSetting.Problem(options.Http, options.HttpToken) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
