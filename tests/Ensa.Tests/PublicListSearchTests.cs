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

    [Theory]
    [InlineData("Lär 😀 MED", "lär 😀 med")]
    [InlineData("𝕳É", "𝕳e")]
    [InlineData("a\uD800b", "a\uD800b")] // an unpaired surrogate is kept, not normalised (which throws)
    [InlineData("\uDC00Ä", "\uDC00ä")]
    public void Fold_AstralOrLoneSurrogate_IsKept(string text, string folded) =>
        Assert.Equal(folded, PublicList.Fold(text));

    [Fact]
    public void Fold_Blank_IsAny() => Assert.Null(PublicList.Fold("  "));
}
