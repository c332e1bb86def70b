using System.Diagnostics.CodeAnalysis;

namespace Ensa.Common;

/// <summary>A Swedish organisation number: 10 digits, the last a Luhn check digit, written NNNNNN-NNNN.</summary>
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
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || !Luhn.IsValid(digits)) return false;
        number = new OrganisationNumber(digits);
        return true;
    }

    public static OrganisationNumber Parse(string text) =>
        TryParse(text, out var n) ? n : throw new FormatException($"'{text}' is not a valid organisation number.");
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
