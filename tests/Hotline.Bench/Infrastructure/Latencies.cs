namespace Hotline.Bench.Infrastructure;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
public sealed class Latencies(int capacity)
{
    private readonly double[] _samples = new double[capacity];
    private int _count;

    public int Count => _count;

    public void Add(double milliseconds)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _samples.Length)
        {
            _samples[i] = milliseconds;
        }
    }

    public double Mean()
    {
        var n = Math.Min(_count, _samples.Length);
        return n == 0 ? double.NaN : _samples[..n].Average();
    }

    public double Percentile(double p)
    {
        var n = Math.Min(_count, _samples.Length);
        if (n == 0)
        {
            return double.NaN;
        }

        var sorted = _samples[..n];
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * n) - 1, 0, n - 1)];
    }
}
