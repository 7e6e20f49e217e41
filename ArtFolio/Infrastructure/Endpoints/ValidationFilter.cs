using System.Text.Json;
using FluentValidation;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Runs the slice's FluentValidation validator on every handler argument that has one, before the
/// handler runs; a failure is a 400 with per-field errors under camelCase names.
/// </summary>
public static class ValidationFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        // Decided once per endpoint at start-up: which arguments have a validator.
        var validated = context
            .MethodInfo.GetParameters()
            .Select(
                (parameter, index) =>
                    (
                        index,
                        validator: context.ApplicationServices.GetService(
                            typeof(IValidator<>).MakeGenericType(parameter.ParameterType)
                        ) as IValidator
                    )
            )
            .Where(p => p.validator is not null)
            .ToArray();
        if (validated.Length == 0)
            return next;

        return async invocation =>
        {
            foreach (var (index, validator) in validated)
            {
                if (invocation.Arguments[index] is not { } argument)
                    continue;
                var result = await validator!.ValidateAsync(
                    new ValidationContext<object>(argument),
                    invocation.HttpContext.RequestAborted
                );
                if (!result.IsValid)
                    return TypedResults.ValidationProblem(
                        result
                            .Errors.GroupBy(e => CamelCase(e.PropertyName))
                            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())
                    );
            }
            return await next(invocation);
        };
    }

    /// <summary>Registers every validator in the assembly (FluentValidation's DI package is not in our source).</summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Type marker)
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
        // A property's rules stop at its first failure: a later rule never sees a value an earlier one
        // refused (a null that NotEmpty reported must not reach a Must that trims it), and one message per cause.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        var validators = marker
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t =>
                t.GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                    .Select(i => (service: i, implementation: t))
            );
        foreach (var (service, implementation) in validators)
            services.AddSingleton(service, implementation);
        return services;
    }

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
