namespace ParticipativeDemocracy.Sortition.Model;

public enum SelectionAlgorithm
{
    /// <summary>Flanigan et al. (Nature 2021): maximise the smallest selection probability, then the next.</summary>
    Leximin,

    /// <summary>The greedy procedure used before 2020; valid panels, uncontrolled probabilities.</summary>
    Legacy,
}
