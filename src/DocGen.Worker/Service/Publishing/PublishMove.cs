namespace DocGen.Worker.Service.Publishing;

internal sealed record PublishMove(string From, string To, bool Overwrite);
