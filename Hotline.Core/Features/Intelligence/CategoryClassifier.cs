using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Hotline.Core.Features.Intelligence;

/// <summary>One order to learn from or to score: its text and, for training and evaluation, its category.</summary>
public sealed record CategorySample(string Text, string Label);

internal sealed class VectorRow
{
    [VectorType(TextFeaturizer.Dimension)]
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = string.Empty;
}

internal sealed class CategoryScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>
/// A category model: the featurizer's inverse document frequencies and an ML.NET maximum-entropy classifier
/// (SDCA; the probabilities are its softmax) over the hashed TF-IDF vectors of <see cref="TextFeaturizer"/>.
/// Stored as one blob (a header, the frequencies, ML.NET's own zip) with a SHA-256 checksum; loaded whole before
/// it is used; prediction engines (not thread-safe) are pooled.
/// </summary>
public sealed class CategoryClassifier
{
    private const int Magic = 0x4D43_4C48; // "HLCM"

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;
    private readonly float[] _idf;
    private readonly TextFeaturizer _featurizer;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<VectorRow, CategoryScores>> _engines = [];

    private CategoryClassifier(MLContext ml, ITransformer model, DataViewSchema schema, float[] idf, TextFeaturizer featurizer)
    {
        (_ml, _model, _schema, _idf, _featurizer) = (ml, model, schema, idf, featurizer);
        var engine = ml.Model.CreatePredictionEngine<VectorRow, CategoryScores>(model, schema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        if (_labels.Length == 0)
        {
            throw new InvalidDataException("The model has no categories.");
        }

        _engines.Add(engine);
    }

    public IReadOnlyList<string> Labels => _labels;

    public bool UsesWords => _featurizer.UseWords;

    /// <summary>
    /// Trains on the samples. SDCA maximum entropy with a light L2 (1e-6: on the benchmark a stronger one, 1e-4,
    /// lost four points of macro-F1) and 40 passes on one thread; the featurizing runs on every core.
    /// </summary>
    public static CategoryClassifier Train(IReadOnlyList<CategorySample> samples, TextFeaturizer featurizer, int seed = 1)
    {
        var counts = new Dictionary<int, float>[samples.Count];
        Parallel.For(0, samples.Count, i => counts[i] = featurizer.Counts(samples[i].Text));
        var idf = TextFeaturizer.InverseDocumentFrequency(counts);
        var rows = samples.Select((s, i) => new VectorRow { Features = Vector(counts[i], idf), Label = s.Label }).ToList();

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(VectorRow.Label))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = nameof(VectorRow.Features),
                L2Regularization = 1e-6f,
                L1Regularization = 0,
                MaximumNumberOfIterations = 40,
                // One thread: the same orders give the same model, so two models compare on their data, not on chance.
                NumberOfThreads = 1,
            }))
            .Fit(data);
        return new CategoryClassifier(ml, model, data.Schema, idf, featurizer);
    }

    /// <summary>A stored model, after its checksum: anything unreadable is an <see cref="InvalidDataException"/>.</summary>
    public static CategoryClassifier Load(byte[] bytes, string? sha256)
    {
        if (sha256 is null || !string.Equals(Convert.ToHexString(SHA256.HashData(bytes)), sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("The stored model does not match its checksum.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != TextFeaturizer.FormatVersion || reader.ReadInt32() != TextFeaturizer.Dimension)
            {
                throw new InvalidDataException("The stored model is not a category model of this format.");
            }

            var useWords = reader.ReadBoolean();
            var idf = new float[TextFeaturizer.Dimension];
            for (var i = 0; i < idf.Length; i++)
            {
                idf[i] = reader.ReadSingle();
            }

            var ml = new MLContext(1);
            var model = ml.Model.Load(reader.BaseStream, out var schema);
            return new CategoryClassifier(ml, model, schema, idf, new TextFeaturizer(useWords));
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("The stored model cannot be read: " + e.Message, e);
        }
    }

    public (byte[] Bytes, string Sha256) Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(TextFeaturizer.FormatVersion);
            writer.Write(TextFeaturizer.Dimension);
            writer.Write(_featurizer.UseWords);
            foreach (var v in _idf)
            {
                writer.Write(v);
            }
        }

        _ml.Model.Save(_model, _schema, stream);
        var bytes = stream.ToArray();
        return (bytes, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    /// <summary>Every category with its probability, most likely first.</summary>
    public IReadOnlyList<(string Code, double Probability)> Predict(string text)
    {
        var row = new VectorRow { Features = Vector(_featurizer.Counts(text), _idf) };
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<VectorRow, CategoryScores>(_model, _schema);
        }

        try
        {
            var scores = engine.Predict(row).Score;
            return scores.Select((p, i) => (_labels[i], (double)p)).OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static VBuffer<float> Vector(Dictionary<int, float> counts, float[] idf)
    {
        var (indices, values) = TextFeaturizer.Weigh(counts, idf);
        return new VBuffer<float>(TextFeaturizer.Dimension, values.Length, values, indices);
    }
}
