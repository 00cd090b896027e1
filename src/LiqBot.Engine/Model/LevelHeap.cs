namespace LiqBot.Engine.Model;

/// <summary>
/// Cohort ids ordered by liquidation price, the level price reaches first on top: the highest for
/// longs (price falls onto them), the lowest for shorts. Entries of dead cohorts are skipped lazily.
/// </summary>
internal sealed class LevelHeap(bool highestFirst)
{
    private HeapEntry[] _items = new HeapEntry[256];

    public int Count { get; private set; }

    public void Push(double price, long id)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count] = new HeapEntry(highestFirst ? price : -price, id);
        SiftUp(Count++);
    }

    /// <summary>The top level's price, or null when empty.</summary>
    public double? PeekPrice => Count == 0 ? null : (highestFirst ? _items[0].Key : -_items[0].Key);

    public long Pop()
    {
        var id = _items[0].Id;
        _items[0] = _items[--Count];
        SiftDown(0);
        return id;
    }

    /// <summary>Keeps only the ids <paramref name="keep"/> accepts and restores heap order in O(n).</summary>
    public void Retain(Func<long, bool> keep)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep(_items[i].Id))
            {
                _items[kept++] = _items[i];
            }
        }

        Count = kept;
        for (var i = (Count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftUp(int i)
    {
        var item = _items[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_items[parent].Key >= item.Key)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    private void SiftDown(int i)
    {
        var item = _items[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _items[child + 1].Key > _items[child].Key)
            {
                child++;
            }

            if (_items[child].Key <= item.Key)
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        _items[i] = item;
    }

    private readonly record struct HeapEntry(double Key, long Id);
}
