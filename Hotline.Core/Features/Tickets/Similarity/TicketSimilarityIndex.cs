using Hotline.Contracts.Tickets;

namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>
/// This node's in-memory inverted index of orders by their shingles (docs/intelligence.md "Similar demands"). The
/// database stays the source of truth: <see cref="TicketSimilarityIndexSync"/> rebuilds it at start and keeps it
/// current from the change log. Orders get ordinals in creation order at a rebuild and after it in the order they
/// arrive; every posting list is sorted by ordinal, so a look-up over the last N days reads only the tail of each
/// list. Shingles held by more than <see cref="SimilarityOptions.CommonShare"/> of the orders (小区, 反映) are not
/// scanned (they weigh little in the score anyway). Look-ups run concurrently under a read lock; writes are
/// serialized under the write lock.
/// </summary>
public sealed class TicketSimilarityIndex(double commonShare = 0.05)
{
    /// <summary>Score buffers, one per concurrent look-up, always returned all zero.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<float[]> _scratch = [];

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private State _state = State.Empty;

    /// <summary>Orders that can be found (open or closed, not excluded).</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _state.Live;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public bool Contains(Guid id)
    {
        _lock.EnterReadLock();
        try
        {
            return _state.Ordinals.ContainsKey(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Replaces everything with <paramref name="orders"/>, which must come oldest first.</summary>
    public void Rebuild(IEnumerable<IndexedOrder> orders)
    {
        var state = new State();
        foreach (var order in orders)
        {
            state.Append(order, DemandShingles.Of(order.Content), computeNorm: false);
        }

        Swap(state);
    }

    /// <summary>Replaces everything with <paramref name="orders"/> (oldest first), read as they stream. Returns how many were read.</summary>
    public async Task<int> RebuildAsync(IAsyncEnumerable<IndexedOrder> orders, CancellationToken ct)
    {
        var state = new State();
        await foreach (var order in orders.WithCancellation(ct))
        {
            state.Append(order, DemandShingles.Of(order.Content), computeNorm: false);
        }

        Swap(state);
        return state.Count;
    }

    private void Swap(State state)
    {
        state.Sorted = state.Count;
        state.ComputeNorms();
        _lock.EnterWriteLock();
        try
        {
            _state = state;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds new orders and updates the state (open, closed, excluded) of known ones. An order's text and place never change.</summary>
    public void Apply(IEnumerable<IndexedOrder> orders)
    {
        var prepared = orders.Select(o => (Order: o, Shingles: DemandShingles.Of(o.Content))).ToList();
        _lock.EnterWriteLock();
        try
        {
            foreach (var (order, shingles) in prepared)
            {
                if (_state.Ordinals.TryGetValue(order.Id, out var ordinal))
                {
                    _state.SetState(ordinal, order.State);
                }
                else
                {
                    _state.Append(order, shingles, computeNorm: true);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The weight of a shingle now (its rarity among the orders that can be found).</summary>
    public double Weight(int shingle)
    {
        _lock.EnterReadLock();
        try
        {
            return _state.Weight(shingle);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The weights of many shingles at once (one lock), for scoring many texts in one request.</summary>
    public Dictionary<int, double> Weights(IEnumerable<int> shingles)
    {
        _lock.EnterReadLock();
        try
        {
            var weights = new Dictionary<int, double>();
            foreach (var shingle in shingles)
            {
                weights.TryAdd(shingle, _state.Weight(shingle));
            }

            return weights;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The best candidates: approximate score ≥ 0.8 × <see cref="SimilarityQuery.MinScore"/>, nearer places first,
    /// then the higher score, at most <see cref="SimilarityQuery.Take"/>.
    /// </summary>
    public List<SimilarCandidate> Find(SimilarityQuery query)
    {
        _lock.EnterReadLock();
        try
        {
            return _state.Find(query, commonShare, _scratch);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private sealed class Postings
    {
        public int[] Docs = new int[2];
        public int Count;

        public void Add(int doc)
        {
            if (Count == Docs.Length)
            {
                Array.Resize(ref Docs, Docs.Length * 2);
            }

            Docs[Count++] = doc;
        }
    }

    private sealed class State
    {
        public static readonly State Empty = new();

        public readonly Dictionary<Guid, int> Ordinals = [];
        public int Count;
        public int Live;

        /// <summary>Ordinals below this were rebuilt in creation order (binary-searchable by time).</summary>
        public int Sorted;

        private readonly Dictionary<int, Postings> _postings = [];
        private readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);
        private Guid[] _ids = new Guid[1024];
        private long[] _created = new long[1024];
        private int[] _district = new int[1024];
        private int[] _street = new int[1024];
        private IndexedOrderState[] _states = new IndexedOrderState[1024];
        private float[] _norms = new float[1024];

        public int Frequency(int shingle) => _postings.TryGetValue(shingle, out var p) ? p.Count : 0;

        public double Weight(int shingle) => DemandSimilarity.Weight(Frequency(shingle), Live);

        public void Append(IndexedOrder order, int[] shingles, bool computeNorm)
        {
            if (Count == _ids.Length)
            {
                var size = _ids.Length * 2;
                Array.Resize(ref _ids, size);
                Array.Resize(ref _created, size);
                Array.Resize(ref _district, size);
                Array.Resize(ref _street, size);
                Array.Resize(ref _states, size);
                Array.Resize(ref _norms, size);
            }

            var doc = Count++;
            _ids[doc] = order.Id;
            _created[doc] = order.CreatedAt.UtcTicks;
            _district[doc] = Place(order.DistrictCode);
            _street[doc] = order.StreetCode is null ? -1 : Place(order.StreetCode);
            _states[doc] = order.State;
            Ordinals[order.Id] = doc;
            if (order.State != IndexedOrderState.Excluded)
            {
                Live++;
            }

            foreach (var shingle in shingles)
            {
                if (!_postings.TryGetValue(shingle, out var postings))
                {
                    _postings[shingle] = postings = new Postings();
                }

                postings.Add(doc);
            }

            if (computeNorm)
            {
                _norms[doc] = (float)shingles.Sum(s => Square(Weight(s)));
            }
        }

        /// <summary>Every order's norm from the final frequencies: one pass over the posting lists, no texts kept.</summary>
        public void ComputeNorms()
        {
            Array.Clear(_norms);
            foreach (var postings in _postings.Values)
            {
                var w = (float)Square(DemandSimilarity.Weight(postings.Count, Live));
                for (var i = 0; i < postings.Count; i++)
                {
                    _norms[postings.Docs[i]] += w;
                }
            }
        }

        public void SetState(int doc, IndexedOrderState state)
        {
            var before = _states[doc];
            if (before == state)
            {
                return;
            }

            Live += (before == IndexedOrderState.Excluded ? 1 : 0) - (state == IndexedOrderState.Excluded ? 1 : 0);
            _states[doc] = state;
        }

        public List<SimilarCandidate> Find(SimilarityQuery query, double commonShare, System.Collections.Concurrent.ConcurrentBag<float[]> buffers)
        {
            var result = new List<SimilarCandidate>();
            if (Count == 0 || query.Shingles.Length == 0)
            {
                return result;
            }

            var weights = query.Shingles.Select(s => (Shingle: s, W2: Square(Weight(s)), Postings: _postings.GetValueOrDefault(s))).ToList();
            var queryNorm = weights.Sum(w => w.W2);
            var common = Math.Max(50, commonShare * Live);
            var scanned = weights.Where(w => w.Postings is { } p && p.Count <= common).ToList();
            if (scanned.Count == 0)
            {
                // Only common shingles: the rarest few still find the orders that share them.
                scanned = weights.Where(w => w.Postings is not null).OrderBy(w => w.Postings!.Count).Take(4).ToList();
            }

            var from = query.From.UtcTicks;
            var firstDoc = FirstCreatedAtOrAfter(from);
            if (!buffers.TryTake(out var scores) || scores.Length < Count)
            {
                scores = new float[Math.Max(Count, 1024) * 5 / 4];
            }

            var touched = new List<int>();
            try
            {
                foreach (var (_, w2, postings) in scanned)
                {
                    var docs = postings!.Docs;
                    var start = Array.BinarySearch(docs, 0, postings.Count, firstDoc);
                    for (var i = start < 0 ? ~start : start; i < postings.Count; i++)
                    {
                        var doc = docs[i];
                        if (scores[doc] == 0)
                        {
                            touched.Add(doc);
                        }

                        scores[doc] += (float)w2;
                    }
                }

                var floor = 0.8 * query.MinScore;
                var district = query.DistrictCode is null ? -2 : _places.GetValueOrDefault(query.DistrictCode, -2);
                var street = query.StreetCode is null ? -2 : _places.GetValueOrDefault(query.StreetCode, -2);
                var exclude = query.Exclude is { } id && Ordinals.TryGetValue(id, out var excluded) ? excluded : -1;
                foreach (var doc in touched)
                {
                    var state = _states[doc];
                    if (doc == exclude || _created[doc] < from || state == IndexedOrderState.Excluded || (query.OpenOnly && state != IndexedOrderState.Open))
                    {
                        continue;
                    }

                    var score = scores[doc] / Math.Sqrt(queryNorm * Math.Max(_norms[doc], 1e-9));
                    if (score >= floor)
                    {
                        var place = street >= 0 && _street[doc] == street ? SimilarPlace.SameStreet
                            : district >= 0 && _district[doc] == district ? SimilarPlace.SameDistrict
                            : SimilarPlace.Elsewhere;
                        result.Add(new SimilarCandidate(_ids[doc], Math.Min(1, score), place));
                    }
                }
            }
            finally
            {
                foreach (var doc in touched)
                {
                    scores[doc] = 0;
                }

                buffers.Add(scores);
            }

            result.Sort((a, b) => a.Place != b.Place ? a.Place.CompareTo(b.Place) : b.ApproximateScore.CompareTo(a.ApproximateScore));
            return result.Count > query.Take ? result.GetRange(0, query.Take) : result;
        }

        /// <summary>The first ordinal that may be created at or after <paramref name="ticks"/>: a binary search over the rebuilt prefix; everything appended after it is checked one by one.</summary>
        private int FirstCreatedAtOrAfter(long ticks)
        {
            int lo = 0, hi = Sorted;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_created[mid] < ticks)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private int Place(string code)
        {
            if (!_places.TryGetValue(code, out var id))
            {
                _places[code] = id = _places.Count;
            }

            return id;
        }

        private static double Square(double x) => x * x;
    }
}
