namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// An answer that shows a realistic example of itself in the OpenAPI document (and so in Swagger UI
/// and generated clients' docs), instead of <c>"string"</c> and <c>0</c>. Typed, so it cannot drift
/// from the record; <see cref="ResponseExamples"/> puts it on every answer of the type, pages included.
/// </summary>
public interface IHasExample<TSelf>
    where TSelf : IHasExample<TSelf>
{
    static abstract TSelf Example { get; }
}
