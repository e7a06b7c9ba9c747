namespace Triage.Classifier.Data;

/// <summary>Bad training or evaluation input, located to the file and line a person has to fix.</summary>
public sealed class TrainingDataException : Exception
{
    public TrainingDataException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public TrainingDataException()
    {
        File = string.Empty;
    }

    public TrainingDataException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public int Line { get; }
}
