namespace ArtFolio.Infrastructure.Hosting;

/// <summary>
/// Secrets from files: every environment variable <c>KEY_FILE</c> (<c>Jwt__SigningKey_FILE=/run/secrets/jwt</c>)
/// sets the configuration key <c>KEY</c> (<c>Jwt:SigningKey</c>) to the named file's content, without its
/// trailing line break. That is how Docker and Kubernetes secrets arrive; the value never sits in the
/// environment, where <c>docker inspect</c> and crash dumps show it. A missing file stops the start, naming the variable.
/// </summary>
public static class SecretFiles
{
    private const string Suffix = "_FILE";

    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder configuration) =>
        configuration.AddInMemoryCollection(Read(Environment.GetEnvironmentVariables()));

    public static Dictionary<string, string?> Read(System.Collections.IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry variable in environment)
        {
            var name = (string)variable.Key;
            // Only configuration keys (with a section separator): POSTGRES_PASSWORD_FILE and the like belong to others.
            if (!name.EndsWith(Suffix, StringComparison.Ordinal) || !name.Contains("__", StringComparison.Ordinal))
                continue;
            var path = (string?)variable.Value;
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                throw new InvalidOperationException($"{name}: the file '{path}' does not exist.");
            values[name[..^Suffix.Length].Replace("__", ":", StringComparison.Ordinal)] = File.ReadAllText(path)
                .TrimEnd('\r', '\n');
        }
        return values;
    }
}
