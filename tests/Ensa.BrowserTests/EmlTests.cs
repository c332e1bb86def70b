using System.Net.Mail;
using System.Text;
using Ensa.BrowserTests.Infrastructure;

namespace Ensa.BrowserTests;

/// <summary>The little MIME reader the invitation test relies on (no browser needed).</summary>
public sealed class EmlTests
{
    [Fact]
    public async Task Parse_SmtpClientPickupFile_DecodesSubjectAndBody()
    {
        var directory = Directory.CreateTempSubdirectory("ensa-eml-");
        try
        {
            using (var message = new MailMessage("Ensa <ensa@localhost>", "maja@example.org", "Inbjudan till Ensa från Mittköpings kommun",
                       "Hej Maja!\n\nÖppna länken:\nhttp://127.0.0.1:5000/Account/AcceptInvitation?token=abc-DEF_123%3D%3D\n"))
            using (var smtp = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = directory.FullName })
            {
                message.BodyEncoding = Encoding.UTF8;
                message.SubjectEncoding = Encoding.UTF8;
                await smtp.SendMailAsync(message, TestContext.Current.CancellationToken);
            }
            var file = Assert.Single(directory.GetFiles("*.eml"));

            var mail = Eml.Parse(await File.ReadAllTextAsync(file.FullName, TestContext.Current.CancellationToken));

            Assert.Equal("Inbjudan till Ensa från Mittköpings kommun", mail.Header("Subject"));
            Assert.Contains("maja@example.org", mail.Header("To"), StringComparison.Ordinal);
            Assert.Contains("Öppna länken:", mail.Text, StringComparison.Ordinal);
            Assert.Contains("http://127.0.0.1:5000/Account/AcceptInvitation?token=abc-DEF_123%3D%3D", mail.Text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_MultipartQuotedPrintable_TakesThePlainTextPart()
    {
        const string raw = """
            From: ensa@localhost
            To: maja@example.org
            Subject: =?utf-8?Q?Inbjudan_till_Ensa_fr=C3=A5n?= =?utf-8?B?IE1pdHRrw7ZwaW5ncyBrb21tdW4=?=
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="--b1"

            ----b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>html</p>
            ----b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            =C3=96ppna l=C3=A4nken: http://127.0.0.1:5000/Account/AcceptInvitation?token=3D=
            abc=3D=3D
            ----b1--
            """;

        var mail = Eml.Parse(raw);

        Assert.Equal("Inbjudan till Ensa från Mittköpings kommun", mail.Header("Subject"));
        Assert.Equal("Öppna länken: http://127.0.0.1:5000/Account/AcceptInvitation?token=abc==", mail.Text.Trim());
    }
}
