using FastEndpoints;

namespace ArtFolio.Features.Comments.Update;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Body).ValidCommentBody();
}
