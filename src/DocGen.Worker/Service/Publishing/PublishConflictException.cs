namespace DocGen.Worker.Service.Publishing;

/// <summary>A name a claim's manifest moves to is held by something the claim did not publish and cannot prove its own: the claim is processed again under a new stem.</summary>
public sealed class PublishConflictException : IOException
{
    public PublishConflictException()
    {
    }

    public PublishConflictException(string message)
        : base(message)
    {
    }

    public PublishConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
