namespace DocGen.Worker.Pdf;

/// <summary>The document handed over for conversion no longer has the hash DocGen made it with: it is not converted.</summary>
public sealed class ChangedDocumentException : IOException
{
    public ChangedDocumentException()
    {
    }

    public ChangedDocumentException(string message)
        : base(message)
    {
    }

    public ChangedDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
