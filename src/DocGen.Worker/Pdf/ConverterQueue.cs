namespace DocGen.Worker.Pdf;

/// <summary>
/// Lends converters to the conversions waiting for one: smaller documents first — by size class
/// (the binary magnitude of the size: documents of one class are served in the order they came,
/// so near-equal documents are not overtaken by a few bytes, but at a power of two) — and long
/// documents (over <see cref="LongBytes"/>) never on every converter at once when there are two
/// or more — one is always left for short documents, so a seed is not queued behind two
/// thousand-page documents. A long document still waits behind short ones only while short ones
/// keep every other converter busy (there is no ageing).
/// </summary>
/// <typeparam name="T">A converter.</typeparam>
internal sealed class ConverterQueue<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Stack<T> _free;
    private readonly SortedSet<Waiter> _waiting = new(WaiterOrder.Instance);
    private readonly int _maxLong;
    private int _longLent;
    private long _sequence;
    private bool _closed;

    public ConverterQueue(IEnumerable<T> converters, long longBytes)
    {
        _free = new Stack<T>(converters);
        _maxLong = Math.Max(1, _free.Count - 1);
        LongBytes = longBytes;
    }

    /// <summary>A document bigger than this is long: it may not take the last free converter.</summary>
    public long LongBytes { get; }

    /// <summary>Conversions waiting for a converter now.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// A converter for a document of <paramref name="bytes"/>, once it is this document's turn;
    /// null when the queue was closed (the converters are being stopped).
    /// </summary>
    public async Task<ConverterLease<T>?> AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_closed)
            {
                return null;
            }

            waiter = new Waiter(SizeClass(bytes), bytes > LongBytes, _sequence++);
            _waiting.Add(waiter);
            Grant();
        }

        await using var registration = cancellationToken.Register(static state =>
        {
            var (queue, waiting) = ((ConverterQueue<T>, Waiter))state!;
            queue.Cancel(waiting);
        }, (this, waiter)).ConfigureAwait(false);
        return await waiter.Lent.Task.ConfigureAwait(false);
    }

    /// <summary>Gives a converter back; the next waiter whose turn it is takes it.</summary>
    public void Release(ConverterLease<T> lease)
    {
        lock (_lock)
        {
            if (lease.Long)
            {
                _longLent--;
            }

            _free.Push(lease.Converter);
            Grant();
        }
    }

    /// <summary>Ends lending: every waiter, now and later, gets null.</summary>
    public void Close()
    {
        List<Waiter> waiting;
        lock (_lock)
        {
            _closed = true;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.Lent.TrySetResult(null);
        }
    }

    /// <summary>The document's size class: the binary magnitude of its size.</summary>
    private static int SizeClass(long bytes) => 64 - (int)ulong.LeadingZeroCount((ulong)Math.Max(0, bytes));

    /// <summary>Lends free converters to the waiters in turn (under the lock).</summary>
    private void Grant()
    {
        while (_free.Count > 0 && _waiting.Count > 0)
        {
            var longMayGo = _longLent < _maxLong;
            var next = _waiting.FirstOrDefault(w => longMayGo || !w.Long);
            if (next is null)
            {
                return; // only long documents wait, and the free converter is kept for short ones
            }

            _waiting.Remove(next);
            if (next.Long)
            {
                _longLent++;
            }

            next.Lent.TrySetResult(new ConverterLease<T>(_free.Pop(), next.Long));
        }
    }

    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (!_waiting.Remove(waiter))
            {
                return; // already lent: the caller gets it and gives it back
            }
        }

        waiter.Lent.TrySetCanceled();
    }

    private sealed class Waiter(int sizeClass, bool isLong, long sequence)
    {
        public int SizeClass { get; } = sizeClass;

        public bool Long { get; } = isLong;

        public long Sequence { get; } = sequence;

        public TaskCompletionSource<ConverterLease<T>?> Lent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class WaiterOrder : IComparer<Waiter>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare(Waiter? x, Waiter? y)
        {
            var bySize = x!.SizeClass.CompareTo(y!.SizeClass);
            return bySize != 0 ? bySize : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
