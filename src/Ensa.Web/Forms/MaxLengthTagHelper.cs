using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ensa.Web.Forms;

/// <summary>Gives every text input and textarea the <c>maxlength</c> of the property it binds to (its
/// <see cref="StringLengthAttribute"/> or <see cref="MaxLengthAttribute"/>), so the browser keeps to the limit the
/// server checks. The property is found from the field's name on the page model, whether the field is written with
/// <c>asp-for</c> or by hand (<c>name="Parts.ControllerName"</c>, <c>name="Input.Transfers[0].Notes"</c>).</summary>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea")]
public sealed partial class MaxLengthTagHelper(IModelMetadataProvider metadata) : TagHelper
{
    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "checkbox", "radio", "file", "date", "datetime-local", "month", "week", "time", "number", "range",
        "color", "submit", "button", "reset", "image",
    };

    // After the framework's tag helpers, which write the name of an asp-for field.
    public override int Order => 1000;

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.TagName == "input" && output.Attributes.TryGetAttribute("type", out var type) && NotText.Contains(type.Value?.ToString() ?? ""))
            return;
        if (!output.Attributes.TryGetAttribute("name", out var name) || name.Value?.ToString() is not { Length: > 0 } field) return;
        if (ViewContext.ActionDescriptor is not CompiledPageActionDescriptor page) return;
        if (MaxLength(metadata, page.ModelTypeInfo?.AsType() ?? page.HandlerTypeInfo.AsType(), field) is { } max)
            output.Attributes.SetAttribute("maxlength", max.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The length limit of the property a form field named <paramref name="field"/> binds to on
    /// <paramref name="model"/>, or null when it has none (or is not a property).</summary>
    public static int? MaxLength(IModelMetadataProvider provider, Type model, string field)
    {
        ModelMetadata? current = provider.GetMetadataForType(model);
        foreach (var part in Index().Replace(field, "").Split('.'))
        {
            if (current is null) return null;
            if (current.IsEnumerableType && current.ElementMetadata is { } element) current = element;
            current = current.Properties[part];
        }
        if (current is null) return null;
        foreach (var attribute in current.ValidatorMetadata)
        {
            switch (attribute)
            {
                case StringLengthAttribute s: return s.MaximumLength;
                case MaxLengthAttribute m when m.Length > 0: return m.Length;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Index();
}
