using Ensa.Organizers;

namespace Ensa.Tests;

public sealed class SchoolUnitRegisterCheckTests
{
    private static readonly EnsaSchoolUnit Centrum = new(Guid.NewGuid(), "11111111", "Centrumskolan F-3");

    private static RegisterDifference Single(params RegisterSchoolUnit[] register) =>
        Assert.Single(SchoolUnitRegisterCheck.Compare([Centrum], register));

    [Theory]
    [InlineData("AKTIV")]
    [InlineData("VILANDE")]
    [InlineData("PLANERAD")]
    public void Compare_SameCodeAndName_NoDifference(string status) =>
        Assert.Empty(SchoolUnitRegisterCheck.Compare([Centrum], [new("11111111", "Centrumskolan  F-3 ", status)]));

    [Fact]
    public void Compare_RegisterCallsItClosed_ClosedInRegister()
    {
        var d = Single(new RegisterSchoolUnit("11111111", "Centrumskolan F-3", "UPPHORT"));
        Assert.Equal((RegisterDifferenceKind.ClosedInRegister, Centrum), (d.Kind, d.Unit));
    }

    [Fact]
    public void Compare_RegisterLacksTheCode_NotInRegister()
    {
        var d = Single();
        Assert.Equal((RegisterDifferenceKind.NotInRegister, "11111111", Centrum), (d.Kind, d.SchoolUnitCode, d.Unit));
        Assert.Null(d.InRegister);
    }

    [Fact]
    public void Compare_NameDiffersEvenInCase_NameDiffers()
    {
        var d = Single(new RegisterSchoolUnit("11111111", "centrumskolan F-3", "AKTIV"));
        Assert.Equal((RegisterDifferenceKind.NameDiffers, "centrumskolan F-3"), (d.Kind, d.InRegister!.Name));
    }

    [Fact]
    public void Compare_RegisterHasAnOpenUnitEnsaLacks_MissingInEnsa_ButNotAClosedOne()
    {
        var differences = SchoolUnitRegisterCheck.Compare([Centrum],
        [
            new("11111111", "Centrumskolan F-3", "AKTIV"),
            new("22222222", "Nya skolan", "PLANERAD"),
            new("33333333", "Gamla skolan", "UPPHORT"),
        ]);
        var d = Assert.Single(differences);
        Assert.Equal((RegisterDifferenceKind.MissingInEnsa, "22222222"), (d.Kind, d.SchoolUnitCode));
        Assert.Null(d.Unit);
    }

    [Fact]
    public void Compare_CodeListedTwice_TheOpenOneCounts()
    {
        Assert.Empty(SchoolUnitRegisterCheck.Compare([Centrum],
            [new("11111111", "Centrumskolan F-3", "UPPHORT"), new("11111111", "Centrumskolan F-3", "AKTIV")]));
    }

    [Fact]
    public void Compare_SeveralDifferences_OrderedByKindThenCode()
    {
        var other = new EnsaSchoolUnit(Guid.NewGuid(), "44444444", "Västerskolan");
        var differences = SchoolUnitRegisterCheck.Compare([other, Centrum],
            [new("55555555", "Ny", "AKTIV"), new("11111111", "Centrum", "AKTIV")]);
        Assert.Equal(
            [(RegisterDifferenceKind.MissingInEnsa, "55555555"), (RegisterDifferenceKind.NotInRegister, "44444444"), (RegisterDifferenceKind.NameDiffers, "11111111")],
            differences.Select(d => (d.Kind, d.SchoolUnitCode)));
    }
}
