using Microsoft.ML;
using Microsoft.ML.Data;

namespace Triage.Classifier.Training;

/// <summary>Reads a vector column of a data view into arrays, row by row: scores for metrics, features for stacking.</summary>
internal static class ScoreColumn
{
    public static float[][] Read(IDataView view, string column)
    {
        var col = view.Schema[column];
        var rows = new List<float[]>();
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(buffer.DenseValues().ToArray());
        }

        return rows.ToArray();
    }

    public static float[] ReadScalar(IDataView view, string column)
    {
        var col = view.Schema[column];
        var rows = new List<float>();
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<float>(col);
        var value = 0f;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value);
        }

        return rows.ToArray();
    }

    /// <summary>The label names a scorer wrote as the slot names of its score column: the model's own label set.</summary>
    public static IReadOnlyList<string> SlotNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
        {
            return [];
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }
}
