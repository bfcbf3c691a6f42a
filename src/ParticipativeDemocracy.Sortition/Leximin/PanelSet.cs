namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>Distinct panels (members per type) in the order they were found.</summary>
internal sealed class PanelSet
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<int[]> _panels = [];

    public IReadOnlyList<int[]> Panels => _panels;

    public int Count => _panels.Count;

    public bool Add(int[] counts)
    {
        if (!_keys.Add(string.Join(',', counts)))
        {
            return false;
        }

        _panels.Add(counts);
        return true;
    }
}
