using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtFolio.Infrastructure.Hosting;

/// <summary>A settings class that can say what is wrong with its values, each problem as <c>Key: why</c>.</summary>
public interface ICheckedSettings
{
    IEnumerable<string> Problems();
}

/// <summary>
/// Settings with the options pattern: a configuration section bound to a class, checked when the host
/// starts (<c>ValidateOnStart</c>), so that a wrong value stops the start with a message naming its
/// key (<c>Media:MaxImageBytes: must be positive</c>), rather than surfacing at some later request.
/// The class itself is registered too, so a consumer takes <c>MediaOptions</c>, not <c>IOptions&lt;&gt;</c>.
/// </summary>
public static class Settings
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="T"/>; returns the values, for what is decided while registering.</summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionCheck<T>(section)));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return configuration.GetSection(section).Get<T>() ?? new T();
    }

    private sealed class SectionCheck<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options is ICheckedSettings checkedSettings
            && checkedSettings.Problems().ToList() is { Count: > 0 } problems
                ? ValidateOptionsResult.Fail(problems.Select(p => $"{section}:{p}"))
                : ValidateOptionsResult.Success;
    }
}
