using FastEndpoints;

namespace ArtFolio.Features.Comments.Create;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Body).ValidCommentBody();
}
