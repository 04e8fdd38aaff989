using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Hotline.Core.Features.Intelligence;

/// <summary>One order to learn from or to score: its text and, for training and evaluation, its category.</summary>
public sealed record CategorySample(string Text, string Label);

internal sealed class BinaryRow
{
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }
}

/// <summary>Which of a stored blob's two models: the one served (trained on every order) or the one evaluated (trained without the held-out orders).</summary>
public enum ModelPart
{
    Served = 0,
    Evaluation = 1,
}

/// <summary>
/// A category model (docs/intelligence.md, "Category model"): the vocabulary of its training texts
/// (<see cref="TermVocabulary"/>) and a linear SVM per category, one versus all, each over NB-scaled features
/// (NBSVM: a term's weight in the vector is multiplied by its log-count ratio for the category, so the SVM starts
/// from what naive Bayes knows about it) and trained by ML.NET's SDCA with the hinge loss. The fits are
/// independent, so they run side by side on every core; each has its own seeded ML.NET context and one thread, so
/// the same orders give the same model whatever the schedule. What is kept of a fit is its weights (folded back onto
/// the plain vector) and bias, held per term (the categories a term weighs for: a rare term weighs for few); a softmax
/// of the scores at a fitted temperature (<see cref="TemperatureScaling"/>, on held-out texts) makes them probabilities:
/// the most likely category is the one with the highest score. Stored as one blob with a SHA-256 checksum: a header,
/// then the served model and the evaluation model (each: words on/off, the vocabulary, the categories, the
/// temperature, the weights). Immutable and thread-safe.
/// </summary>
public sealed class CategoryClassifier
{
    private const int Magic = 0x4D43_4C48; // "HLCM"

    /// <summary>The SVM's L2 (λ): with NB-scaled features 5e-4 (3e-4 and 1e-3 scored 0.2–1 point lower).</summary>
    private const float L2 = 5e-4f;

    /// <summary>SDCA passes at most: 40 scored as 15.</summary>
    private const int Passes = 15;

    /// <summary>The naive-Bayes smoothing of the log-count ratios (0.5 and 2 scored lower).</summary>
    private const double Alpha = 1;

    private static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private readonly TermVocabulary _vocabulary;
    private readonly TextFeaturizer _featurizer;
    private readonly string[] _labels;
    private readonly float[] _bias;
    private readonly TemperatureScaling _temperature;

    /// <summary>Per term (vocabulary index t): its weights are entries <c>_starts[t]</c> to <c>_starts[t + 1]</c> of <see cref="_classes"/> and <see cref="_weights"/>.</summary>
    private readonly int[] _starts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;

    private CategoryClassifier(TermVocabulary vocabulary, TextFeaturizer featurizer, string[] labels, float[] bias, TemperatureScaling temperature, int[] starts, ushort[] classes, float[] weights)
    {
        if (labels.Length == 0)
        {
            throw new InvalidDataException("The model has no categories.");
        }

        (_vocabulary, _featurizer, _labels, _bias, _temperature, _starts, _classes, _weights) = (vocabulary, featurizer, labels, bias, temperature, starts, classes, weights);
    }

    public IReadOnlyList<string> Labels => _labels;

    public bool UsesWords => _featurizer.UseWords;

    public int Terms => _vocabulary.Count;

    /// <summary>Trains on the samples: their vocabulary, then an SVM per category (each on one thread, so the same orders give the same model).</summary>
    public static CategoryClassifier Train(IReadOnlyList<CategorySample> samples, TextFeaturizer featurizer) =>
        Train(samples, Featurize(samples, featurizer), featurizer);

    /// <summary>
    /// The two models of a training: the evaluation model on <paramref name="train"/> only (scored on <paramref name="test"/>,
    /// and by the next training's activation rule) and the served model on both, which is what the held-out orders
    /// would otherwise cost (about a point of macro-F1 on the benchmark). The texts are featurized once; the two
    /// trainings run side by side (each learns its vocabulary on one thread; their fits share the cores). Both take the
    /// temperature fitted on the evaluation model's scores of the held-out texts (<see cref="CalibrateOn"/>).
    /// </summary>
    public static (CategoryClassifier Evaluation, CategoryClassifier Served) TrainWithHoldOut(
        IReadOnlyList<CategorySample> train, IReadOnlyList<CategorySample> test, TextFeaturizer featurizer)
    {
        var all = train.Concat(test).ToList();
        var counts = Featurize(all, featurizer);
        var evaluation = Task.Run(() => Train(train, counts[..train.Count], featurizer));
        var served = Train(all, counts, featurizer);
        var temperature = evaluation.GetAwaiter().GetResult().CalibrateOn(test);
        return (evaluation.Result.With(temperature), served.With(temperature));
    }

    private static TermCounts[] Featurize(IReadOnlyList<CategorySample> samples, TextFeaturizer featurizer)
    {
        var counts = new TermCounts[samples.Count];
        Parallel.For(0, samples.Count, Cores, i => counts[i] = TermCounts.Of(featurizer.Counts(samples[i].Text)));
        return counts;
    }

    private static CategoryClassifier Train(IReadOnlyList<CategorySample> samples, TermCounts[] counts, TextFeaturizer featurizer)
    {
        var vocabulary = TermVocabulary.Learn(counts.Select(c => (IReadOnlyCollection<ulong>)c.Keys).ToList());
        var texts = new Texts(vocabulary.Count, new int[samples.Count][], new float[samples.Count][],
            new int[samples.Count]);
        Parallel.For(0, samples.Count, Cores, i => (texts.Indices[i], texts.Values[i]) = vocabulary.Vector(counts[i]));
        var labels = samples.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"训练样本有 {labels.Length} 个类别，超过模型上限 {ushort.MaxValue}。");
        }

        for (var i = 0; i < samples.Count; i++)
        {
            texts.ClassOf[i] = Array.BinarySearch(labels, samples[i].Label, StringComparer.Ordinal);
        }

        var fits = new Fitted[labels.Length];
        // At most one fit per core: each holds its own scaled copy of the vectors (a few hundred MB at 50,000 orders), and
        // the thread pool would otherwise add threads to these long work items and hold many copies at once.
        Parallel.For(0, labels.Length, Cores, k => fits[k] = Fit(texts, k));

        // The temperature of the training texts' own scores (replaced by the held-out texts' when there are some).
        var rowsOfScores = new double[samples.Count][];
        for (var i = 0; i < samples.Count; i++)
        {
            rowsOfScores[i] = fits.Select(f => f.Scores[i]).ToArray();
        }

        var temperature = TemperatureScaling.Fit(rowsOfScores, texts.ClassOf);

        // The per-category weights transposed into per-term rows of the categories each term weighs for.
        var starts = new int[vocabulary.Count + 1];
        for (var t = 0; t < vocabulary.Count; t++)
        {
            var n = 0;
            foreach (var fit in fits)
            {
                n += fit.Weights[t] != 0 ? 1 : 0;
            }

            starts[t + 1] = starts[t] + n;
        }

        var classes = new ushort[starts[^1]];
        var weights = new float[starts[^1]];
        for (var t = 0; t < vocabulary.Count; t++)
        {
            var at = starts[t];
            for (var k = 0; k < fits.Length; k++)
            {
                if (fits[k].Weights[t] != 0)
                {
                    (classes[at], weights[at]) = ((ushort)k, fits[k].Weights[t]);
                    at++;
                }
            }
        }

        return new CategoryClassifier(vocabulary, featurizer, labels, fits.Select(f => f.Bias).ToArray(), temperature, starts, classes, weights);
    }

    /// <summary>The training texts as sparse vectors over the vocabulary (indices ascending), and each one's category.</summary>
    private sealed record Texts(int Dimension, int[][] Indices, float[][] Values, int[] ClassOf);

    /// <summary>One category's SVM on the plain vectors, and its score of every training text.</summary>
    private sealed record Fitted(float[] Weights, float Bias, double[] Scores);

    /// <summary>
    /// Category <paramref name="k"/> against the others: the log-count ratio r of every term (naive Bayes over which
    /// texts hold it, smoothed by <see cref="Alpha"/>), each vector scaled by r, ML.NET's SDCA (hinge loss, one thread,
    /// its own seeded context) on them, and the weights multiplied by r so they read the plain vector.
    /// </summary>
    private static Fitted Fit(Texts texts, int k)
    {
        var (inClass, outClass) = (new double[texts.Dimension], new double[texts.Dimension]);
        for (var i = 0; i < texts.Indices.Length; i++)
        {
            var target = texts.ClassOf[i] == k ? inClass : outClass;
            foreach (var t in texts.Indices[i])
            {
                target[t]++;
            }
        }

        var (sumIn, sumOut) = (inClass.Sum() + (Alpha * texts.Dimension), outClass.Sum() + (Alpha * texts.Dimension));
        var ratio = new float[texts.Dimension];
        for (var t = 0; t < ratio.Length; t++)
        {
            ratio[t] = (float)Math.Log((inClass[t] + Alpha) / sumIn / ((outClass[t] + Alpha) / sumOut));
        }

        var rows = new List<BinaryRow>(texts.Indices.Length);
        for (var i = 0; i < texts.Indices.Length; i++)
        {
            var (indices, values) = (texts.Indices[i], texts.Values[i]);
            var scaled = new float[values.Length];
            for (var j = 0; j < values.Length; j++)
            {
                scaled[j] = values[j] * ratio[indices[j]];
            }

            rows.Add(new BinaryRow { Features = new VBuffer<float>(texts.Dimension, scaled.Length, scaled, indices), Label = texts.ClassOf[i] == k });
        }

        var ml = new MLContext(1);
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, texts.Dimension);
        var svm = ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
        {
            LabelColumnName = nameof(BinaryRow.Label),
            FeatureColumnName = nameof(BinaryRow.Features),
            LossFunction = new HingeLoss(),
            L2Regularization = L2,
            L1Regularization = 0,
            MaximumNumberOfIterations = Passes,
            // One thread: the same orders give the same model, so two models compare on their data, not on chance.
            NumberOfThreads = 1,
        }).Fit(ml.Data.LoadFromEnumerable(rows, schema)).Model;

        var learnt = svm.Weights;
        var weights = new float[texts.Dimension];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = learnt[t] * ratio[t];
        }

        var scores = new double[texts.Indices.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(weights, texts.Indices[i], texts.Values[i]) + svm.Bias;
        }

        return new Fitted(weights, svm.Bias, scores);
    }

    private static double Score(float[] weights, int[] indices, float[] values)
    {
        double sum = 0;
        for (var j = 0; j < values.Length; j++)
        {
            sum += weights[indices[j]] * values[j];
        }

        return sum;
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
            return Read(section);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("The stored model cannot be read: " + e.Message, e);
        }
    }

    private static CategoryClassifier Read(BinaryReader section)
    {
        var useWords = section.ReadBoolean();
        var vocabulary = TermVocabulary.Read(section);
        var k = section.ReadInt32();
        if (k is <= 0 or > ushort.MaxValue)
        {
            throw new InvalidDataException($"The stored model has {k} categories.");
        }

        var labels = new string[k];
        var bias = new float[k];
        for (var c = 0; c < k; c++)
        {
            labels[c] = section.ReadString();
            bias[c] = section.ReadSingle();
        }

        var temperature = new TemperatureScaling(section.ReadDouble());
        if (!double.IsFinite(temperature.Beta) || temperature.Beta < 0 || temperature.Beta > TemperatureScaling.MaxBeta)
        {
            throw new InvalidDataException($"The stored temperature {temperature.Beta} is out of range.");
        }

        var starts = new int[vocabulary.Count + 1];
        for (var t = 0; t < vocabulary.Count; t++)
        {
            var n = section.Read7BitEncodedInt();
            if (n < 0 || n > k)
            {
                throw new InvalidDataException($"A stored term weighs for {n} of {k} categories.");
            }

            starts[t + 1] = starts[t] + n;
        }

        var classes = new ushort[starts[^1]];
        var weights = new float[starts[^1]];
        for (var e = 0; e < classes.Length; e++)
        {
            classes[e] = section.ReadUInt16();
            weights[e] = section.ReadSingle();
            if (classes[e] >= k)
            {
                throw new InvalidDataException($"A stored weight names category {classes[e]} of {k}.");
            }
        }

        if (section.BaseStream.Position != section.BaseStream.Length)
        {
            throw new InvalidDataException("The stored model has bytes after its weights.");
        }

        return new CategoryClassifier(vocabulary, new TextFeaturizer(useWords), labels, bias, temperature, starts, classes, weights);
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

    private byte[] Section()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_featurizer.UseWords);
            _vocabulary.Write(writer);
            writer.Write(_labels.Length);
            for (var c = 0; c < _labels.Length; c++)
            {
                writer.Write(_labels[c]);
                writer.Write(_bias[c]);
            }

            writer.Write(_temperature.Beta);

            for (var t = 0; t < _vocabulary.Count; t++)
            {
                writer.Write7BitEncodedInt(_starts[t + 1] - _starts[t]);
            }

            for (var e = 0; e < _classes.Length; e++)
            {
                writer.Write(_classes[e]);
                writer.Write(_weights[e]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Every category with its probability, most likely first.</summary>
    public IReadOnlyList<(string Code, double Probability)> Predict(string text)
    {
        var scores = Scores(text);
        var probabilities = _temperature.Probabilities(scores);
        var ranked = new (string Code, double Probability)[scores.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            ranked[c] = (_labels[c], probabilities[c]);
        }

        Array.Sort(ranked, static (a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : string.CompareOrdinal(a.Code, b.Code));
        return ranked;
    }

    /// <summary>Every category's SVM score of the text (its margin), in <see cref="Labels"/> order.</summary>
    private double[] Scores(string text)
    {
        var (indices, values) = _vocabulary.Vector(_featurizer.Counts(text));
        var scores = new double[_labels.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = _bias[c];
        }

        for (var j = 0; j < indices.Length; j++)
        {
            var t = indices[j];
            for (var e = _starts[t]; e < _starts[t + 1]; e++)
            {
                scores[_classes[e]] += _weights[e] * values[j];
            }
        }

        return scores;
    }

    /// <summary>The same model at another temperature.</summary>
    private CategoryClassifier With(TemperatureScaling temperature) =>
        new(_vocabulary, _featurizer, _labels, _bias, temperature, _starts, _classes, _weights);

    /// <summary>
    /// The temperature of the held-out texts whose category the model knows: out-of-sample margins, where the training's
    /// own are mostly beyond ±1 (an SVM separates what it trained on) and would make every answer near-certain.
    /// </summary>
    private TemperatureScaling CalibrateOn(IReadOnlyList<CategorySample> test)
    {
        var (scores, categories) = (new List<double[]>(test.Count), new List<int>(test.Count));
        foreach (var sample in test)
        {
            var own = Array.BinarySearch(_labels, sample.Label, StringComparer.Ordinal);
            if (own >= 0)
            {
                scores.Add(Scores(sample.Text));
                categories.Add(own);
            }
        }

        return scores.Count == 0 ? _temperature : TemperatureScaling.Fit(scores, categories);
    }
}
