using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Triage.Core.Classification;

namespace Triage.Classifier.Inference;

/// <summary>
/// Explains a prediction by the terms that pushed it most: for each feature present in the ticket, its
/// value times the linear model's weight for the predicted label, centred on the mean weight over all
/// labels (a term that raises every label equally explains nothing). Works whichever trainer won the
/// bake-off, since the linear model is always trained and kept for this. The centred weights are kept
/// as half-precision floats: they only rank terms, and at 40-odd classes times 130,000 features full
/// precision cost a serving process 11 MB more.
/// </summary>
internal sealed class LinearEvidence
{
    private readonly Half[][] _centredWeights;
    private readonly string[] _terms;

    private LinearEvidence(Half[][] centredWeights, string[] terms)
    {
        _centredWeights = centredWeights;
        _terms = terms;
    }

    public static LinearEvidence Create(ITransformer linearModel, DataViewSchema.Column featureColumn)
    {
        var parameters = FindParameters(linearModel) ?? throw new InvalidDataException("the evidence model holds no linear multiclass model");
        var weights = default(VBuffer<float>[]);
        parameters.GetWeights(ref weights, out var classes);
        var dimension = ((VectorDataViewType)featureColumn.Type).Size;

        // Centred class by class from the model's own buffers: no full-precision copy of every class at once.
        var mean = new float[dimension];
        var row = new float[dimension];
        for (var c = 0; c < classes; c++)
        {
            weights![c].CopyTo(row);
            for (var j = 0; j < dimension; j++)
            {
                mean[j] += row[j] / classes;
            }
        }

        var centred = new Half[classes][];
        for (var c = 0; c < classes; c++)
        {
            weights![c].CopyTo(row);
            centred[c] = new Half[dimension];
            for (var j = 0; j < dimension; j++)
            {
                centred[c][j] = (Half)(row[j] - mean[j]);
            }
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        featureColumn.GetSlotNames(ref names);
        var terms = new string[dimension];
        var k = 0;
        foreach (var name in names.DenseValues())
        {
            terms[k++] = SlotNames.Display(name.ToString());
        }

        return new LinearEvidence(centred, terms);
    }

    public IReadOnlyList<EvidenceTerm> Explain(in VBuffer<float> features, int label, int count)
    {
        if (label < 0 || label >= _centredWeights.Length)
        {
            return [];
        }

        var weights = _centredWeights[label];
        var values = features.GetValues();
        var indices = features.GetIndices();
        var best = new List<(string Term, double Weight)>(count + 1);
        for (var i = 0; i < values.Length; i++)
        {
            var slot = features.IsDense ? i : indices[i];
            var contribution = values[i] * (float)weights[slot];
            if (contribution <= 0 || _terms[slot].Length == 0)
            {
                continue;
            }

            if (best.Count < count || contribution > best[^1].Weight)
            {
                var existing = best.FindIndex(b => b.Term == _terms[slot]);
                if (existing >= 0)
                {
                    if (best[existing].Weight >= contribution)
                    {
                        continue;
                    }

                    best.RemoveAt(existing);
                }

                best.Add((_terms[slot], contribution));
                best.Sort((a, b) => b.Weight.CompareTo(a.Weight));
                if (best.Count > count)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        return best.Select(b => new EvidenceTerm(b.Term, Math.Round(b.Weight, 4))).ToList();
    }

    private static LinearMulticlassModelParametersBase? FindParameters(ITransformer transformer) => transformer switch
    {
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> prediction => prediction.Model,
        IEnumerable<ITransformer> chain => chain.Select(FindParameters).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
