using Ensa.Agreements;
using Microsoft.AspNetCore.Http.Features;

namespace Ensa.Web.Forms;

/// <summary>How large a request may be: the largest upload (a signed agreement) with room for the form around it. A
/// file over the upload's own limit but within this reaches the page, which refuses it with the size message; a request
/// larger still is answered 413 with the same limit in words (the error page), never a bare 400 or a 500.</summary>
public static class RequestSize
{
    public const int MaxFileMegabytes = SignedAgreementDocument.MaxBytes / (1024 * 1024);
    public const long MaxMultipartBytes = SignedAgreementDocument.MaxBytes + 1024 * 1024;
    public const long MaxRequestBytes = MaxMultipartBytes + 1024 * 1024;

    public static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxMultipartBytes);
    }

    /// <summary>Reads a posted form before anything else does (antiforgery would turn a failed read into a bare 400):
    /// too large is answered 413, which the status-code pages show as the error page with the limit; a form that cannot be
    /// read at all is 400. The read form is kept for the page.</summary>
    public static IApplicationBuilder UseRequestSizeAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                context.Response.StatusCode = TooLarge(e) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                // The error page, re-executed on this request, must not try to read the body again.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                return;
            }
        }
        await next();
    });

    private static bool TooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
            if (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
