namespace ArtFolio.Infrastructure.Media;

/// <summary>Credentials from <c>cloudinary://api_key:api_secret@cloud_name</c>, the form Cloudinary's own tools read.</summary>
public sealed record CloudinaryAccount(string ApiKey, string ApiSecret, string CloudName)
{
    /// <summary>Where Cloudinary delivers this cloud's files.</summary>
    public string DeliveryBaseUrl => $"https://res.cloudinary.com/{CloudName}";

    public static CloudinaryAccount Parse(string url)
    {
        if (
            !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme != "cloudinary"
            || uri.UserInfo.Split(':', 2) is not [{ Length: > 0 } key, { Length: > 0 } secret]
            || uri.Host.Length == 0
        )
            throw new InvalidOperationException(
                "Cloudinary:Url (or CLOUDINARY_URL) must look like cloudinary://<api_key>:<api_secret>@<cloud_name>."
            );
        return new CloudinaryAccount(Uri.UnescapeDataString(key), Uri.UnescapeDataString(secret), uri.Host);
    }
}

public sealed class CloudinaryOptions
{
    public const string Section = "Cloudinary";

    public string? Url { get; set; }
    public string ApiBaseUrl { get; set; } = "https://api.cloudinary.com";
}
