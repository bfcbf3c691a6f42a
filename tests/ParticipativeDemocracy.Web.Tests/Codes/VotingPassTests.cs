using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Codes;

/// <summary>The pass a redeemed code gives is signed: any change to what it says, or to its signature, makes it worthless.</summary>
public sealed class VotingPassTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private VotingCodes Codes => Fixture.Factory.Services.GetRequiredService<VotingCodes>();

    [Fact]
    public void A_pass_reads_back_what_it_was_issued_for()
    {
        var (code, process) = (Guid.NewGuid(), Guid.NewGuid());

        var pass = Codes.IssuePass(code, process, "North", Fixture.Clock.GetUtcNow());

        Assert.Equal((code, process, "North"), Codes.ReadPass(pass));
    }

    [Fact]
    public void A_pass_whose_words_were_changed_is_refused()
    {
        var pass = Codes.IssuePass(Guid.NewGuid(), Guid.NewGuid(), "North", Fixture.Clock.GetUtcNow());
        var parts = pass.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("North", "South", StringComparison.Ordinal);

        var altered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.Null(Codes.ReadPass(altered));
        Assert.Null(Codes.ReadPass($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(new byte[32])}"));
        Assert.Null(Codes.ReadPass($"{parts[0]}.{parts[1]}"));
    }

    [Fact]
    public void A_pass_stops_working_when_it_expires()
    {
        var pass = Codes.IssuePass(Guid.NewGuid(), Guid.NewGuid(), null, Fixture.Clock.GetUtcNow() - VotingCodes.PassLifetime);

        Assert.Null(Codes.ReadPass(pass));
    }

    [Fact]
    public void A_pass_issued_before_passes_were_signed_still_works()
    {
        var (code, process) = (Guid.NewGuid(), Guid.NewGuid());
        var expires = (Fixture.Clock.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeMilliseconds();
        var protector = Fixture.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("VotingCodePass.v2");

        var pass = protector.Protect($"{code:N}|{process:N}|{expires}|");

        Assert.Equal((code, process, null), Codes.ReadPass(pass));
    }
}
