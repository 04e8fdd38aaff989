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
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = string.Empty;
}

internal sealed class CategoryScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>Which of a stored blob's two models: the one served (trained on every order) or the one evaluated (trained without the held-out orders).</summary>
public enum ModelPart
{
    Served = 0,
    Evaluation = 1,
}

/// <summary>
/// A category model: the vocabulary of its training texts (<see cref="TermVocabulary"/>) and an ML.NET linear SVM per
/// category (one versus all, SDCA with the hinge loss), each calibrated to a probability (Platt) and normalised over
/// the categories. Stored as one blob with a SHA-256 checksum: a header, then the served model and the evaluation model
/// (each: words on/off, the vocabulary, ML.NET's own zip). Loaded whole before it is used; prediction engines (not
/// thread-safe) are pooled.
/// </summary>
public sealed class CategoryClassifier
{
    private const int Magic = 0x4D43_4C48; // "HLCM"

    /// <summary>The SVM's L2 (λ): on the benchmark 1e-4 and 1e-3 lost 0.5–1.5 points of macro-F1 against 3e-4.</summary>
    private const float L2 = 3e-4f;

    /// <summary>SDCA passes at most: 15 scored as 30 (0.899 and 0.897) in half the time.</summary>
    private const int Passes = 15;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _input;
    private readonly TermVocabulary _vocabulary;
    private readonly TextFeaturizer _featurizer;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<VectorRow, CategoryScores>> _engines = [];

    private CategoryClassifier(MLContext ml, ITransformer model, TermVocabulary vocabulary, TextFeaturizer featurizer)
    {
        (_ml, _model, _vocabulary, _featurizer) = (ml, model, vocabulary, featurizer);
        _input = Schema(vocabulary.Count);
        var engine = NewEngine();
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

    public int Terms => _vocabulary.Count;

    /// <summary>Trains on the samples: their vocabulary, then the SVMs (one thread, so the same orders give the same model).</summary>
    public static CategoryClassifier Train(IReadOnlyList<CategorySample> samples, TextFeaturizer featurizer) =>
        Train(samples, Featurize(samples, featurizer), featurizer);

    /// <summary>
    /// The two models of a training: the evaluation model on <paramref name="train"/> only (scored on <paramref name="test"/>,
    /// and by the next training's activation rule) and the served model on both, which is what the held-out orders
    /// would otherwise cost (about a point of macro-F1 on the benchmark). The texts are featurized once; the two
    /// trainings run side by side, each on one thread.
    /// </summary>
    public static (CategoryClassifier Evaluation, CategoryClassifier Served) TrainWithHoldOut(
        IReadOnlyList<CategorySample> train, IReadOnlyList<CategorySample> test, TextFeaturizer featurizer)
    {
        var all = train.Concat(test).ToList();
        var counts = Featurize(all, featurizer);
        var evaluation = Task.Run(() => Train(train, counts[..train.Count], featurizer));
        var served = Train(all, counts, featurizer);
        return (evaluation.GetAwaiter().GetResult(), served);
    }

    private static Dictionary<ulong, float>[] Featurize(IReadOnlyList<CategorySample> samples, TextFeaturizer featurizer)
    {
        var counts = new Dictionary<ulong, float>[samples.Count];
        Parallel.For(0, samples.Count, i => counts[i] = featurizer.Counts(samples[i].Text));
        return counts;
    }

    private static CategoryClassifier Train(IReadOnlyList<CategorySample> samples, Dictionary<ulong, float>[] counts, TextFeaturizer featurizer)
    {
        var vocabulary = TermVocabulary.Learn(counts);
        var rows = samples.Select((s, i) => new VectorRow { Features = Vector(vocabulary, counts[i]), Label = s.Label }).ToList();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows, Schema(vocabulary.Count));
        var svm = ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = nameof(VectorRow.Features),
            LossFunction = new HingeLoss(),
            L2Regularization = L2,
            L1Regularization = 0,
            MaximumNumberOfIterations = Passes,
            // One thread: the same orders give the same model, so two models compare on their data, not on chance.
            NumberOfThreads = 1,
        });
        var model = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(VectorRow.Label))
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(svm, labelColumnName: "LabelKey", useProbabilities: true))
            .Fit(data);
        return new CategoryClassifier(ml, model, vocabulary, featurizer);
    }

    /// <summary>A stored model, after its checksum: anything unreadable is an <see cref="InvalidDataException"/>.</summary>
    public static CategoryClassifier Load(byte[] bytes, string? sha256, ModelPart part = ModelPart.Served)
    {
        if (sha256 is null || !string.Equals(Convert.ToHexString(SHA256.HashData(bytes)), sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("The stored model does not match its checksum.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != TextFeaturizer.FormatVersion)
            {
                throw new InvalidDataException("The stored model is not a category model of this format.");
            }

            var parts = reader.ReadInt32();
            if ((int)part >= parts)
            {
                throw new InvalidDataException($"The stored model has no {part} part.");
            }

            for (var i = 0; i < (int)part; i++)
            {
                reader.BaseStream.Seek(reader.ReadInt32(), SeekOrigin.Current);
            }

            var length = reader.ReadInt32();
            using var section = new BinaryReader(new MemoryStream(reader.ReadBytes(length), writable: false));
            var useWords = section.ReadBoolean();
            var vocabulary = TermVocabulary.Read(section);
            var ml = new MLContext(1);
            var model = ml.Model.Load(section.BaseStream, out _);
            return new CategoryClassifier(ml, model, vocabulary, new TextFeaturizer(useWords));
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("The stored model cannot be read: " + e.Message, e);
        }
    }

    /// <summary>The blob of this (served) model and, when given, the evaluation model the next training's activation rule scores.</summary>
    public (byte[] Bytes, string Sha256) Serialize(CategoryClassifier? evaluation = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(TextFeaturizer.FormatVersion);
            CategoryClassifier[] parts = evaluation is null ? [this] : [this, evaluation];
            writer.Write(parts.Length);
            foreach (var part in parts)
            {
                var section = part.Section();
                writer.Write(section.Length);
                writer.Write(section);
            }
        }

        var bytes = stream.ToArray();
        return (bytes, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    /// <summary>Every category with its probability, most likely first.</summary>
    public IReadOnlyList<(string Code, double Probability)> Predict(string text)
    {
        var row = new VectorRow { Features = Vector(_vocabulary, _featurizer.Counts(text)) };
        if (!_engines.TryTake(out var engine))
        {
            engine = NewEngine();
        }

        float[] scores;
        try
        {
            scores = engine.Predict(row).Score;
        }
        finally
        {
            _engines.Add(engine);
        }

        var ranked = new (string Code, double Probability)[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            ranked[i] = (_labels[i], scores[i]);
        }

        Array.Sort(ranked, static (a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : string.CompareOrdinal(a.Code, b.Code));
        return ranked;
    }

    private byte[] Section()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_featurizer.UseWords);
            _vocabulary.Write(writer);
        }

        _ml.Model.Save(_model, null, stream);
        return stream.ToArray();
    }

    private PredictionEngine<VectorRow, CategoryScores> NewEngine() =>
        _ml.Model.CreatePredictionEngine<VectorRow, CategoryScores>(_model, ignoreMissingColumns: true, inputSchemaDefinition: _input);

    private static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }

    private static VBuffer<float> Vector(TermVocabulary vocabulary, Dictionary<ulong, float> counts)
    {
        var (indices, values) = vocabulary.Vector(counts);
        return new VBuffer<float>(vocabulary.Count, values.Length, values, indices);
    }
}
