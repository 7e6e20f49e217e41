namespace ArtFolio.Domain;

/// <summary>
/// The progress of a one-time background job over existing rows (such as cleaning the metadata out of
/// media stored before that was done at upload): where it got to, so that it resumes after a restart,
/// and when it finished, so that it never runs again. One instance at a time holds its lease.
/// </summary>
public sealed class MaintenanceJob
{
    /// <summary>The job's fixed name, e.g. <c>media-metadata-v1</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The part of the job under way (for example <c>artworks</c>, then <c>avatars</c>).</summary>
    public string Phase { get; set; } = "";

    /// <summary>The id of the last row of <see cref="Phase"/> done; rows are taken in id order.</summary>
    public Guid? After { get; set; }

    public int Processed { get; set; }

    /// <summary>Rows that could not be done (their file is gone or does not decode); logged, then passed.</summary>
    public int Failed { get; set; }

    /// <summary>When it first started: rows created later never needed it.</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>The instance running it holds it until then, and extends it after every batch.</summary>
    public DateTime? LeaseUntil { get; set; }

    public DateTime? CompletedAt { get; set; }
}
