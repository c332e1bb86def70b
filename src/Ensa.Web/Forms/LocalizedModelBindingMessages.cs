using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Forms;

/// <summary>The framework's model-binding messages ("The value 'x' is not valid…") in the user's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => l["Binding.Invalid", value, field]);
        m.SetUnknownValueIsInvalidAccessor(field => l["Binding.Invalid", "", field]);
        m.SetValueIsInvalidAccessor(value => l["Binding.Invalid", value, ""]);
        m.SetValueMustNotBeNullAccessor(field => l["Validation.Required", field]);
        m.SetMissingBindRequiredValueAccessor(field => l["Validation.Required", field]);
        m.SetMissingKeyOrValueAccessor(() => l["Binding.Missing"]);
        m.SetValueMustBeANumberAccessor(field => l["Binding.Number", field]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding.Invalid", value, ""]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.Missing"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.Number", ""]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.Missing"]);
    }
}
