namespace Triage.Core.Classification;

/// <summary>Opens a model bundle file. Throws <see cref="InvalidDataException"/> for a corrupt or incompatible bundle.</summary>
public interface IModelBundleLoader
{
    IClassifierModel Load(string bundlePath);
}
