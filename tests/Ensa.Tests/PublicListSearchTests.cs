using Ensa.Publishing;

namespace Ensa.Tests;

/// <summary>The public list's search folds text once so that an ordinal comparison matches the Swedish way.</summary>
public sealed class PublicListSearchTests
{
    [Theory]
    [InlineData("SAGOVÄVEN", "sagoväven")]
    [InlineData("  Café Åre ", "cafe åre")]
    [InlineData("Ærø Müller", "ärö myller")]
    [InlineData("a\u0308r", "är")] // decomposed ä is the letter ä
    public void Fold_Text_LowerCaseWithoutAccentsButKeepsSwedishLetters(string text, string folded) =>
        Assert.Equal(folded, PublicList.Fold(text));

    [Fact]
    public void Fold_Blank_IsAny() => Assert.Null(PublicList.Fold("  "));
}
