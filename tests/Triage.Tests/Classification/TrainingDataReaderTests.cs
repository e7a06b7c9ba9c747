using Triage.Classifier.Data;
using Triage.Corpus;

namespace Triage.Tests.Classification;

public sealed class TrainingDataReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"triage-data-{Guid.NewGuid():N}");

    public TrainingDataReaderTests() => Directory.CreateDirectory(_dir);

    private static Taxonomy Taxonomy => Corpus.Taxonomy.Load(Path.Combine(Paths.TrainingData, "taxonomy.json"));

    [Fact]
    public async Task An_unknown_label_names_the_file_and_line()
    {
        var file = Write("export.csv", "text,category\nwhere is my parcel,delivery\nhello,weather\n");
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => Read(file, "text=text,category=category"));
        Assert.Equal(file, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("export.csv:3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("weather", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_text_names_the_file_and_line()
    {
        var file = Write("tickets.jsonl", """
            {"id":"a","subject":"","body":"refund please","category":"refund","intent":"get_refund","urgency":"normal"}
            {"id":"b","subject":"","body":"  <br> ","category":"refund","intent":"get_refund","urgency":"normal"}
            """);
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => Read(file, null));
        Assert.Equal(2, ex.Line);
        Assert.Contains("empty text", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text,category\n\"refund please,refund\n", 2, "never closed")]
    [InlineData("text,category\nrefund please,refund\nextra,refund,field\n", 3, "3 fields")]
    [InlineData("text,category\n\"quoted\"junk,refund\n", 2, "closing quote")]
    public async Task A_bad_csv_row_names_the_file_and_line(string content, int line, string message)
    {
        var file = Write("bad.csv", content);
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => Read(file, "text=text,category=category"));
        Assert.Equal(line, ex.Line);
        Assert.Contains($"bad.csv:{line}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapped_column_the_file_lacks_is_an_error_on_the_header()
    {
        var file = Write("export.tsv", "utterance\tcategory\nrefund please\tREFUND\n");
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => Read(file, "text=utterance,intent=intent"));
        Assert.Equal(1, ex.Line);
        Assert.Contains("'intent'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upper_case_labels_are_lower_cased_and_missing_labels_train_no_head()
    {
        var file = Write("bitext.csv", "utterance,category,intent\n\"I want my money back, now\",REFUND,get_refund\nhow do I reset my password,ACCOUNT,recover_password\n");
        var data = await Read(file, "text=utterance,category=category,intent=intent");
        Assert.Equal(2, data.Examples.Count);
        Assert.Equal("refund", data.Examples[0].Category);
        Assert.Equal("I want my money back, now", data.Examples[0].Input.Text);
        Assert.All(data.Examples, e => Assert.Null(e.Urgency));
        Assert.Equal(2, data.Sources[0].LabeledRowsPerHead["category"]);
        Assert.Equal(0, data.Sources[0].LabeledRowsPerHead["urgency"]);
    }

    [Fact]
    public async Task Held_out_tickets_and_their_texts_and_evaluation_texts_never_become_training_rows()
    {
        var root = Path.Combine(_dir, "training-data");
        Directory.CreateDirectory(Path.Combine(root, "tickets"));
        Directory.CreateDirectory(Path.Combine(root, "splits"));
        File.Copy(Path.Combine(Paths.TrainingData, "taxonomy.json"), Path.Combine(root, "taxonomy.json"));
        File.WriteAllText(Path.Combine(root, "splits", "test.txt"), "# held out\nt-2\n");
        File.WriteAllText(Path.Combine(root, "tickets", "t.jsonl"), string.Join('\n',
            Ticket("t-1", "where is my refund"),
            Ticket("t-2", "my parcel never came"),
            Ticket("t-3", "please cancel my order")));
        var export = Write("export.csv", "text,category\nmy parcel never came,delivery\nMY PARCEL  never came,delivery\nsomething from the test file,delivery\nunseen text,delivery\n");

        var reader = new TrainingDataReader(Taxonomy);
        var data = await reader.ReadAsync([new DataSpec(root), new DataSpec(export, ColumnMap.Parse("text=text,category=category"))],
            new HashSet<string> { TextKey.Of("something from the test file") }, CancellationToken.None);

        Assert.Equal(["t-1", "t-3", "export.csv:5"], data.Examples.Select(e => e.Id));
        Assert.Equal(["t-2"], data.HeldOut.Select(e => e.Id));
        var exportSummary = data.Sources.Single(s => s.Name == "export.csv");
        Assert.Equal(3, exportSummary.ExcludedAsEvaluation);
    }

    [Fact]
    public async Task The_committed_corpus_reads_without_errors_and_keeps_its_split()
    {
        var data = await new TrainingDataReader().ReadAsync([new DataSpec(Paths.TrainingData)], null, CancellationToken.None);
        var heldOut = await HeldOutSplit.LoadAsync(Path.Combine(Paths.TrainingData, "splits", "test.txt"), CancellationToken.None);
        Assert.Equal(heldOut.Count, data.HeldOut.Count);
        Assert.DoesNotContain(data.Examples, e => heldOut.Contains(e.Id));
        var heldOutTexts = data.HeldOut.Select(e => TextKey.Of(e.Input.Text)).ToHashSet();
        Assert.DoesNotContain(data.Examples, e => heldOutTexts.Contains(TextKey.Of(e.Input.Text)));
    }

    [Fact]
    public async Task A_source_weight_reaches_every_row_of_that_source_and_its_summary_only()
    {
        var light = Write("public.csv", "text,category\nwhere is my parcel,delivery\nrefund please,refund\n");
        var full = Write("ours.csv", "text,category\ncancel my order,order\n");
        var data = await new TrainingDataReader(Taxonomy).ReadAsync(
            [new DataSpec(light, ColumnMap.Parse("text=text,category=category"), Weight: 0.25), new DataSpec(full, ColumnMap.Parse("text=text,category=category"))],
            null, CancellationToken.None);

        Assert.All(data.Examples.Where(e => e.File == light), e => Assert.Equal(0.25f, e.Weight));
        Assert.All(data.Examples.Where(e => e.File == full), e => Assert.Equal(1f, e.Weight));
        Assert.Equal(0.25, data.Sources.Single(s => s.Name == "public.csv").Weight);
        Assert.Equal(1.0, data.Sources.Single(s => s.Name == "ours.csv").Weight);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Ticket(string id, string body) =>
        $$"""{"id":"{{id}}","language":"en","channel":"email","subject":"","body":"{{body}}","category":"order","intent":"cancel_order","urgency":"normal","source":"written"}""";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<LoadedData> Read(string file, string? map) =>
        new TrainingDataReader(Taxonomy).ReadAsync([new DataSpec(file, map is null ? null : ColumnMap.Parse(map))], null, CancellationToken.None);
}
