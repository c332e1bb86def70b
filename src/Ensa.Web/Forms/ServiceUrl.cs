namespace Ensa.Web.Forms;

/// <summary>The address of a service Ensa calls with secrets (an SS 12000 source, an identity provider): absolute https;
/// plain http only on loopback, for a local test or development server.</summary>
public static class ServiceUrl
{
    public static bool TryParse(string? value, out Uri url) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
