namespace Ensa.Web;

/// <summary>Marker for the one resource file of UI text: Resources/SharedResource.resx (Swedish, the default)
/// and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
