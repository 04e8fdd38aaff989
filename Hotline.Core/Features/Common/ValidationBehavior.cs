using FluentValidation;
using MediatR;

namespace Hotline.Core.Features.Common;

/// <summary>
/// Checks the shape of every request: no NUL character anywhere (before any validator reads the database with it),
/// then the validators that sit beside its handler.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = NulCharacters.Find(request);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
