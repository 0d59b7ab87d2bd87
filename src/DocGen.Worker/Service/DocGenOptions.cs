using System.ComponentModel.DataAnnotations;
using DocGen.Worker.Pdf;

namespace DocGen.Worker.Service;

/// <summary>
/// Configuration of the inbox service (section <c>DocGen</c>: appsettings.json, environment
/// variables <c>DocGen__Root</c>, command line <c>--DocGen:Root=…</c> or <c>docgen run --root</c>).
/// Folder settings are relative to <see cref="Root"/> unless absolute.
/// </summary>
public sealed class DocGenOptions
{
    public const string Section = "DocGen";

    /// <summary>The folder that holds all the others. <value>Default: <c>data</c> under the current directory.</value></summary>
    [Required]
    public string Root { get; set; } = "data";

    /// <summary>Where submitters drop JSON files.</summary>
    [Required]
    public string Inbox { get; set; } = "inbox";

    /// <summary>Claimed work (one sub-folder per submission being processed).</summary>
    [Required]
    public string Processing { get; set; } = "processing";

    /// <summary>Generated Word documents.</summary>
    [Required]
    public string Out { get; set; } = "out";

    /// <summary>Rejected input with its error report.</summary>
    [Required]
    public string Failed { get; set; } = "failed";

    /// <summary>Processed input with its receipt.</summary>
    [Required]
    public string Archive { get; set; } = "archive";

    /// <summary>
    /// Word documents published whose PDF could not be made for a reason outside the document (a
    /// full temporary folder, LibreOffice that would not start): each waits here with a note and is
    /// converted again every minute until its PDF is published and its receipt rewritten.
    /// </summary>
    [Required]
    public string PdfPending { get; set; } = "pdf-pending";

    /// <summary>
    /// Where DocGen moves what it finds in its own folders and did not make — a link, a FIFO or a
    /// folder under a name it was about to use, a publish manifest it cannot vouch for — instead of
    /// opening it or waiting on it (nothing there is ever read).
    /// </summary>
    [Required]
    public string Quarantine { get; set; } = "quarantine";

    /// <summary>
    /// How long a rejected submission (its input and both reports) is kept in <c>failed/</c>; older
    /// ones are removed. <value>Default: 90 days.</value> Zero keeps them for ever. Published
    /// documents and <c>archive/</c> are never removed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan FailedRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The most rejected submissions kept in <c>failed/</c>; past it the oldest are removed, so that a
    /// flood of bad files cannot fill the disk. <value>Default: 10,000 (about 120 MB of small
    /// rejected files).</value> Zero: no limit.
    /// </summary>
    [Range(0, 10_000_000)]
    public int FailedMaxCount { get; set; } = 10_000;

    /// <summary>Templates folder (Word templates and frameworks/). <value>Default: the shipped templates.</value></summary>
    public string? Templates { get; set; }

    /// <summary>The Word template file in <see cref="Templates"/>.</summary>
    [Required]
    public string Template { get; set; } = "performance-goals.docx";

    /// <summary>
    /// Submissions processed at once. <value>Default: twice the processor count</value>: a worker
    /// spends part of each submission waiting for the disk (the document is flushed before it is
    /// published), and a second worker per core keeps the core busy meanwhile.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = Math.Min(256, 2 * Environment.ProcessorCount);

    /// <summary>Submissions queued ahead of the workers (memory stays flat however many files are dropped).</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How often the inbox is rescanned (network shares lose watcher events). <value>Default: 5 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An entry refused for a state that may pass (a hard link, a file not yet readable) is judged once it has not changed for this long. <value>Default: 1 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A file that looks cut short (JSON that ends early, a character cut in half, a zip without its
    /// central directory: a copy stalled half-way) is judged once it has not changed for this long;
    /// a file that reads complete is taken at once. <value>Default: 60 s.</value>
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan IncompleteGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Malformed JSON is read again this many times while the file is still growing. <value>Default: 3.</value></summary>
    [Range(0, 20)]
    public int ParseRetries { get; set; } = 3;

    /// <summary>Wait between those reads. <value>Default: 1 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ParseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Publish a PDF/A copy (<c>out/x.pdf</c>) beside every Word document, converted by warm
    /// LibreOffice processes. <value>Default: false.</value> Needs LibreOffice and its Python
    /// bridge (Debian: <c>libreoffice-writer-nogui python3-uno</c>); start-up fails without them.
    /// </summary>
    public bool Pdf { get; set; }

    /// <summary>LibreOffice processes kept warm for PDF conversion. <value>Default: one per core, at most 4</value> (each holds a LibreOffice of about 250 MB).</summary>
    [Range(1, 16)]
    public int PdfConverters { get; set; } = PdfConverterSettings.DefaultConverters;

    /// <summary>
    /// One conversion may take this long (plus a minute per MiB of the document) before its LibreOffice is killed and replaced.
    /// <value>Default: 2 min.</value> A document is tried twice; after that it is published without its PDF and the receipt says why.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The largest Word document given a PDF (bytes); a bigger one is published at once without it,
    /// the receipt saying why, and the timeout of a smaller one grows by a minute per MiB.
    /// <value>Default: 2 MiB (about 1,400 projects, 2,800 pages).</value>
    /// </summary>
    [Range(64L * 1024, 1024L * 1024 * 1024)]
    public long PdfMaxDocumentBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>
    /// How often a PDF deferred for the environment (see <see cref="PdfPending"/>) is tried again
    /// while the environment still fails. <value>Default: 1 min.</value>
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PdfRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>LibreOffice's program folder (the one with <c>soffice.bin</c>). <value>Default: found where Debian or LibreOffice's own packages install it.</value></summary>
    public string? LibreOffice { get; set; }

    /// <summary>The value of <see cref="Http"/> that turns the status pages off.</summary>
    public const string HttpOff = "off";

    /// <summary>
    /// Where the status pages listen (<c>/</c> in Chinese, <c>/health</c>, <c>/metrics</c>): a URL,
    /// or <c>off</c>. <value>Default: http://127.0.0.1:5080 (this machine only).</value> An address
    /// beyond loopback needs <see cref="HttpToken"/>: the pages name units and submissions.
    /// </summary>
    [Required]
    public string Http { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The token every request to the status pages must carry (<c>Authorization: Bearer …</c>, or <c>?token=…</c> once, then the cookie that sets); required beyond loopback.</summary>
    public string? HttpToken { get; set; }

    /// <summary>
    /// Requests to the status pages served at once; one more is answered 503 at once, never queued.
    /// <value>Default: 16.</value>
    /// </summary>
    [Range(1, 1024)]
    public int HttpMaxRequests { get; set; } = 16;

    /// <summary>Make every published file durable before its rename and its folders after the renames into it, the flushes shared by the documents published together (power-loss safety; what one flush covers: <see cref="FlushScope"/>; see <c>Publisher</c>). <value>Default: true.</value></summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>
    /// What one flush covers: with <see cref="FlushScope.Auto"/> the whole file system (one
    /// <c>syncfs</c> for every document in flight) when all folders are on one local disk, else each
    /// file and folder. <value>Default: Auto.</value>
    /// </summary>
    public FlushScope FlushScope { get; set; } = FlushScope.Auto;

    /// <summary>
    /// How long the start-up rehearsal keeps rendering its sample in memory after going through the
    /// folders once, so that the runtime has compiled the hot path with full optimisation before the
    /// first burst (a just-started service otherwise runs it unoptimised for its first seconds). 0 turns it off.
    /// <value>Default: 00:00:00.400.</value>
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan WarmUpTime { get; set; } = TimeSpan.FromMilliseconds(400);
}
