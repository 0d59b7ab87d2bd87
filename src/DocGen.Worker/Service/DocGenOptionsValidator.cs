using Microsoft.Extensions.Options;

namespace DocGen.Worker.Service;

[OptionsValidator]
public sealed partial class DocGenOptionsValidator : IValidateOptions<DocGenOptions>;
