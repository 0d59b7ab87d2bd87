using DocGen.Core.Validation;
using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Tests.Service.Publishing;

/// <summary>
/// The steps the service takes to publish a document — reserve a stem, make the receipt for it,
/// publish both — in one call, for tests about names and moves whose receipt is any bytes; and the
/// publisher's calls awaited, for tests that read the folders right after.
/// </summary>
internal static class PublisherSteps
{
    public static string PublishDocument(this Publisher publisher, Claim claim, string inputName, bool withPdf, byte[]? converted, Func<string, byte[]> receiptFor)
    {
        var reservation = publisher.ReserveDocument(claim, inputName, withPdf, converted);
        return publisher.PublishDocumentAsync(reservation, receiptFor(reservation.Stem), CancellationToken.None).GetAwaiter().GetResult();
    }

    public static string PublishRejection(this Publisher publisher, Claim claim, string inputName, ValidationReport report)
        => publisher.PublishRejectionAsync(claim, inputName, report, text: null, owner: null, CancellationToken.None).GetAwaiter().GetResult();

    public static bool TryFinish(this Publisher publisher, Claim claim)
        => publisher.TryFinishAsync(claim, CancellationToken.None).GetAwaiter().GetResult();
}
