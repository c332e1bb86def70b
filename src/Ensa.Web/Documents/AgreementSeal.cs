using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Ensa.Web.Documents;

/// <summary>What <see cref="AgreementSeal.Verify"/> found in a PDF: whether it carries a signature over the whole file that
/// still matches its bytes, and whose certificate made it.</summary>
public sealed record SealCheck(bool Sealed, bool Intact, string? Signer, string? Thumbprint)
{
    public static readonly SealCheck None = new(false, false, null, null);
}

/// <summary>Ensa's digital seal over an agreement's final PDF (ADR 14): a PDF signature (CMS, SHA-256, detached) made by
/// PDFsharp with the seal certificate from configuration (<c>Ensa:Seal:CertificatePath</c> and
/// <c>Ensa:Seal:CertificatePassword</c>, a PKCS #12 file), so any PDF reader shows whether the file was changed after
/// it was sealed. Without one, a self-signed certificate is made when the application starts (development; logged as a
/// warning elsewhere): files it seals verify, but readers do not trust its issuer.</summary>
public sealed class AgreementSeal : IDisposable
{
    private readonly X509Certificate2 _certificate;

    public AgreementSeal(IConfiguration configuration, IHostEnvironment environment, ILogger<AgreementSeal> logger)
    {
        if (configuration["Ensa:Seal:CertificatePath"] is { Length: > 0 } path)
        {
            _certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Ensa:Seal:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            if (!_certificate.HasPrivateKey) throw new InvalidOperationException($"The seal certificate {path} has no private key.");
        }
        else
        {
            if (!environment.IsDevelopment())
                logger.LogWarning("No seal certificate is configured (Ensa:Seal:CertificatePath): agreements are sealed with a self-signed one.");
            _certificate = SelfSigned();
        }
    }

    /// <summary>The seal certificate's SHA-256 thumbprint, to tell Ensa's seal from any other signature.</summary>
    public string Thumbprint => _certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public string Subject => _certificate.Subject;

    /// <summary>Seals <paramref name="pdf"/>: the same document with an invisible signature over all of its bytes.</summary>
    public async Task<byte[]> SealAsync(byte[] pdf, string reason)
    {
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var options = new DigitalSignatureOptions
        {
            AppName = "Ensa",
            Reason = reason,
            Location = "Sverige",
            ContactInfo = "Ensa",
        };
        DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(_certificate, PdfMessageDigestType.SHA256, null), options);
        using var output = new MemoryStream();
        await document.SaveAsync(output);
        return output.ToArray();
    }

    /// <summary>Reads the last signature of <paramref name="pdf"/> and checks it against the bytes it covers, which must
    /// be the whole file but the signature itself (a file changed or appended to after sealing is not intact).</summary>
    public static SealCheck Verify(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        if (at < 0) return SealCheck.None;
        var open = text.IndexOf('[', at);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0) return SealCheck.None;
        var numbers = text[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length != 4 || !numbers.All(n => long.TryParse(n, out _))) return SealCheck.None;
        var range = numbers.Select(long.Parse).ToArray();
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[2] + range[3] > pdf.Length) return SealCheck.None;
        var (firstEnd, secondStart, secondLength) = ((int)range[1], (int)range[2], (int)range[3]);
        // The gap between the two ranges is the signature: <hex…>, padded with zeros.
        var hex = text[(firstEnd + 1)..(secondStart - 1)];
        if (text[firstEnd] != '<' || text[secondStart - 1] != '>') return SealCheck.None;
        try
        {
            var contents = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
            var cms = new SignedCms(new ContentInfo([.. pdf.AsSpan(0, firstEnd), .. pdf.AsSpan(secondStart, secondLength)]), detached: true);
            cms.Decode(contents.AsSpan(0, length));
            var signer = cms.SignerInfos[0].Certificate;
            var coversAll = secondStart + secondLength == pdf.Length;
            bool intact;
            try
            {
                cms.CheckSignature(verifySignatureOnly: true);
                intact = coversAll;
            }
            catch (CryptographicException)
            {
                intact = false;
            }
            return new SealCheck(true, intact, signer?.Subject, signer?.GetCertHashString(HashAlgorithmName.SHA256));
        }
        catch (Exception e) when (e is FormatException or CryptographicException or AsnContentException or ArgumentException)
        {
            return SealCheck.None;
        }
    }

    /// <summary>Whether <paramref name="pdf"/> carries this installation's seal and is unchanged since.</summary>
    public bool IsSealedByEnsa(byte[] pdf) => Verify(pdf) is { Intact: true } check
        && string.Equals(check.Thumbprint, Thumbprint, StringComparison.OrdinalIgnoreCase);

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Ensa seal (development), O=Ensa", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        // Exported and read back so that the key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    public void Dispose() => _certificate.Dispose();
}
