using DocGen.Worker.Service.Claims;
using DocGen.Worker.Service.Publishing;

namespace DocGen.Worker.Tests.Service.Publishing;

/// <summary>
/// The steps the service takes to publish a document — reserve a stem, make the receipt for it,
/// publish both — in one call, for tests about names and moves whose receipt is any bytes.
/// </summary>
internal static class PublisherSteps
{
    public static string PublishDocument(this Publisher publisher, Claim claim, string inputName, bool withPdf, byte[]? converted, Func<string, byte[]> receiptFor)
    {
        var reservation = publisher.ReserveDocument(claim, inputName, withPdf, converted);
        return publisher.PublishDocument(reservation, receiptFor(reservation.Stem));
    }
}
