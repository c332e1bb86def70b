using Ensa.Common;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Organizers;

namespace Ensa.Tests;

public sealed class DomainTests
{
    [Theory]
    [InlineData("212000-1355", true)]
    [InlineData("2120001355", true)]
    [InlineData("556016-0680", true)]
    [InlineData("212000-1356", false)] // wrong check digit
    [InlineData("21200-01355", true)]  // the dash is only formatting
    [InlineData("212000-135", false)]
    [InlineData("21200A-1355", false)]
    [InlineData("", false)]
    public void OrganisationNumber_Parse_ChecksLengthDigitsAndLuhn(string text, bool valid)
    {
        Assert.Equal(valid, OrganisationNumber.TryParse(text, out var number));
        if (valid) Assert.Matches(@"^\d{6}-\d{4}$", number.ToString());
    }

    [Fact]
    public void SchoolUnit_CodeNotEightDigits_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => OrganisationUnit.SchoolUnit(Guid.NewGuid(), null, "X", "1234567"));
        Assert.True(OrganisationUnit.IsValidSchoolUnitCode("12345678"));
    }

    [Fact]
    public void Membership_PrincipalWithoutUnit_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Membership(Guid.NewGuid(), Guid.NewGuid(), Role.Principal, null, DateTime.UtcNow));

    [Fact]
    public void Invitation_Accept_OnceAndOnlyBeforeExpiry()
    {
        var now = DateTime.UtcNow;
        var (invitation, token) = Invitation.Create(Guid.NewGuid(), Role.Requester, null, "a@b.example", "A B", Guid.NewGuid(), now);
        var invited = EnsaUser.Create("A@b.example", "A B", now);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.Equal("Invitation.Expired", invitation.Accept(invited, now + Invitation.Lifetime).Error?.Code);
        Assert.Equal("Invitation.OtherAccount", invitation.Accept(EnsaUser.Create("c@d.example", "C D", now), now.AddDays(1)).Error?.Code);
        Assert.True(invitation.Accept(invited, now.AddDays(1)).Succeeded);
        Assert.Equal(invited.Id, invitation.UserId);
        Assert.Equal("Invitation.AlreadyUsed", invitation.Accept(invited, now.AddDays(1)).Error?.Code);
    }

    [Fact]
    public void SupplierInvitation_MadeOnlyByThePlatformAdminOrTheSuppliersAdmin()
    {
        var now = DateTime.UtcNow;
        var (supplier, other) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("Supplier.NotAdmin", SupplierInvitation.Create(new InvitingForSupplier(Guid.NewGuid(), false, null), supplier, true,
            "x@y.example", "X", now, out _, out _).Error?.Code);
        Assert.Equal("Supplier.NotAdmin", SupplierInvitation.Create(new InvitingForSupplier(Guid.NewGuid(), false, other), supplier, false,
            "x@y.example", "X", now, out _, out _).Error?.Code);
        Assert.True(SupplierInvitation.Create(new InvitingForSupplier(Guid.NewGuid(), false, supplier), supplier, false,
            "x@y.example", "X", now, out _, out _).Succeeded);
        Assert.True(SupplierInvitation.Create(new InvitingForSupplier(Guid.NewGuid(), true, null), supplier, true,
            "x@y.example", "X", now, out var invitation, out _).Succeeded);

        var actsForOther = EnsaUser.Create("x@y.example", "X", now);
        actsForOther.SupplierId = other;
        Assert.Equal("Invitation.OtherSupplier", invitation.AcceptFor(actsForOther, now).Error?.Code);
        var person = EnsaUser.Create("x@y.example", "X", now);
        Assert.True(invitation.AcceptFor(person, now).Succeeded);
        Assert.Equal((supplier, true), (person.SupplierId!.Value, person.IsSupplierAdmin));
    }

    [Fact]
    public void OutboxMessage_Failure_BacksOffAndGivesUpAfterMaxAttempts()
    {
        var now = DateTime.UtcNow;
        var message = new OutboxMessage("a@b.example", "s", "t", null, now);
        message.MarkFailed("down", now);
        Assert.Equal(now.AddMinutes(1), message.NextAttemptAt);
        message.MarkFailed("down", now);
        Assert.Equal(now.AddMinutes(2), message.NextAttemptAt);
        for (var i = 2; i < OutboxMessage.MaxAttempts; i++) message.MarkFailed("down", now);
        Assert.True(message.NextAttemptAt > now.AddYears(50));
        Assert.Null(message.SentAt);
        Assert.Equal("down", message.LastError);
    }
}
