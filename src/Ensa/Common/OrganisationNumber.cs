using System.Diagnostics.CodeAnalysis;

namespace Ensa.Common;

/// <summary>A Swedish organisation number: 10 digits, the last a Luhn check digit, written NNNNNN-NNNN. The 12-digit
/// form with the century-like prefix 16 (16NNNNNN-NNNN, as the Tax Agency writes it) is read as the same number.</summary>
public readonly record struct OrganisationNumber
{
    private OrganisationNumber(string digits) => Digits = digits;

    public string Digits { get; }

    public override string ToString() => $"{Digits[..6]}-{Digits[6..]}";

    public static bool TryParse([NotNullWhen(true)] string? text, out OrganisationNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var digits = new string(text.Where(c => c is not ('-' or ' ')).ToArray());
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal)) digits = digits[2..];
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || !Luhn.IsValid(digits)) return false;
        number = new OrganisationNumber(digits);
        return true;
    }

    public static OrganisationNumber Parse(string text) =>
        TryParse(text, out var n) ? n : throw new FormatException($"'{text}' is not a valid organisation number.");
}

/// <summary>Whether a company's registration number looks right for its country: Swedish ones (country SE or none) by
/// <see cref="OrganisationNumber"/>; Danish CVR 8 digits; Norwegian organisasjonsnummer 9 digits with its mod-11 check
/// digit; Finnish Y-tunnus 1234567-8 with its check digit. Other countries' numbers have too many forms to check
/// honestly here, and any text is taken.</summary>
public static class RegistrationNumber
{
    public static bool IsValid(string? countryCode, string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return false;
        var country = string.IsNullOrWhiteSpace(countryCode) ? Countries.Sweden : countryCode.Trim().ToUpperInvariant();
        var digits = new string(number.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.')).ToArray());
        return country switch
        {
            Countries.Sweden => OrganisationNumber.TryParse(number, out _),
            "DK" => digits.Length == 8 && digits.All(char.IsAsciiDigit),
            "NO" => digits.Length == 9 && digits.All(char.IsAsciiDigit) && Mod11(digits, [3, 2, 7, 6, 5, 4, 3, 2]),
            "FI" => FinnishBusinessId(number.Trim()),
            _ => true,
        };
    }

    /// <summary>How a number is written where it is checked (N a digit), for a message; null where any text is taken.</summary>
    public static string? Pattern(string? countryCode) =>
        (string.IsNullOrWhiteSpace(countryCode) ? Countries.Sweden : countryCode.Trim().ToUpperInvariant()) switch
        {
            Countries.Sweden => "NNNNNN-NNNN",
            "DK" => "NNNNNNNN",
            "NO" => "NNN NNN NNN",
            "FI" => "NNNNNNN-N",
            _ => null,
        };

    /// <summary>Norway: 11 − (weighted sum mod 11) is the last digit; 11 means 0, 10 is never issued.</summary>
    private static bool Mod11(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (digits[i] - '0') * weights[i];
        var check = 11 - sum % 11;
        return check != 10 && (check == 11 ? 0 : check) == digits[^1] - '0';
    }

    /// <summary>Finland's Y-tunnus, 1234567-8: remainder 0 gives check digit 0, 1 is never issued, else 11 − remainder.</summary>
    private static bool FinnishBusinessId(string text)
    {
        if (text.Length != 9 || text[7] != '-' || !text.Remove(7, 1).All(char.IsAsciiDigit)) return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (text[i] - '0') * weights[i];
        var remainder = sum % 11;
        return remainder != 1 && (remainder == 0 ? 0 : 11 - remainder) == text[8] - '0';
    }
}

public static class Luhn
{
    public static bool IsValid(string digits) => digits.Length > 1 && CheckDigit(digits[..^1]) == digits[^1] - '0';

    /// <summary>The check digit that makes <paramref name="body"/> + digit pass the Luhn test.</summary>
    public static int CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
