namespace DocGen.Worker.Service.Publishing;

/// <summary>
/// The files one outcome of a submission publishes, by stem: the first is the reservation (the
/// file whose creation reserves the stem for the whole family), the others must not exist either.
/// </summary>
internal sealed record OutputFamily(string Outcome, OutputName Reservation, IReadOnlyList<OutputName> Others)
{
    // The PDF's name belongs to the family even when PDF output is off: out/x.docx and out/x.pdf
    // of one stem always come from the same submission.
    public static OutputFamily Success(InboxFolders folders) => new("success",
        new(folders.Archive, ".receipt.json"),
        [new(folders.Out, ".docx"), new(folders.Archive, ".json"), new(folders.Out, ".pdf")]);

    public static OutputFamily Rejection(InboxFolders folders) => new("rejected",
        new(folders.Failed, ".errors.json"),
        [new(folders.Failed, ".json"), new(folders.Failed, ".errors.txt")]);

    public IEnumerable<string> All(string stem) => Others.Prepend(Reservation).Select(n => n.For(stem));
}
