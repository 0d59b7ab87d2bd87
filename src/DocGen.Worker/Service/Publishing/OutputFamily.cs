using DocGen.Worker.Pipeline;

namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The files one outcome of a submission may publish, by stem: the reservation (the file whose
/// creation reserves the stem for the whole family), then the others, which must not exist either.
/// A family holds every name its outcome can give a stem — the input under each extension a
/// submission may have, the PDF even when PDF output is off — so that <c>out/x.docx</c>,
/// <c>out/x.pdf</c>, <c>archive/x.xlsx</c> and <c>archive/x.json</c> of one stem always come
/// from the same submission.
/// </summary>
internal sealed record OutputFamily(string Outcome, string InputFolder, OutputName Reservation, IReadOnlyList<OutputName> Others)
{
    /// <summary>The outcome a manifest names for a published document.</summary>
    public const string SuccessOutcome = "success";

    /// <summary>The outcome a manifest names for a rejected submission.</summary>
    public const string RejectionOutcome = "rejected";

    public static OutputFamily Success(InboxFolders folders) => new(SuccessOutcome, folders.Archive,
        new(folders.Archive, ".receipt.json"),
        [Document(folders), Pdf(folders), WarningsText(folders), PendingDocument(folders), PendingNote(folders), .. SubmissionFormats.Extensions.Select(e => new OutputName(folders.Archive, e))]);

    public static OutputFamily Rejection(InboxFolders folders) => new(RejectionOutcome, folders.Failed,
        new(folders.Failed, ".errors.json"),
        [ErrorsText(folders), .. SubmissionFormats.Extensions.Select(e => new OutputName(folders.Failed, e))]);

    public static OutputName Document(InboxFolders folders) => new(folders.Out, ".docx");

    public static OutputName Pdf(InboxFolders folders) => new(folders.Out, ".pdf");

    public static OutputName ErrorsText(InboxFolders folders) => new(folders.Failed, ".errors.txt");

    /// <summary>What to check in a document generated with warnings, beside it in <c>out/</c>.</summary>
    public static OutputName WarningsText(InboxFolders folders) => new(folders.Out, ".warnings.txt");

    /// <summary>A copy of the document whose PDF waits for the environment, in <c>pdf-pending/</c>.</summary>
    public static OutputName PendingDocument(InboxFolders folders) => new(folders.PdfPending, ".docx");

    /// <summary>What the PDF of a waiting document needs besides it (<see cref="PendingPdfNote"/>), in <c>pdf-pending/</c>.</summary>
    public static OutputName PendingNote(InboxFolders folders) => new(folders.PdfPending, ".json");

    /// <summary>Where the input itself goes: this outcome's folder, under the input's own extension.</summary>
    public OutputName Input(string inputName) => new(InputFolder, SubmissionFormats.ExtensionOf(inputName) ?? ".json");

    /// <summary>A workbook's converted JSON, beside it in <c>archive/</c>.</summary>
    public OutputName Converted => new(InputFolder, ".json");

    public IEnumerable<string> All(string stem) => Others.Prepend(Reservation).Select(n => n.For(stem));
}
