using Reconhece.Web.Infrastructure;
using Xunit;

namespace Reconhece.UnitTests.Infrastructure;

public sealed class LogMaskingTests
{
    [Theory]
    [InlineData("+5511987654321", "+5511*******21")]
    [InlineData("11987654321", "11*******21")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    public void Phones_keep_only_the_area_code_and_last_two_digits(string phone, string masked) =>
        Assert.Equal(masked, LogMasking.Phone(phone));

    [Theory]
    [InlineData("maria.souza@gmail.com", "m***@gmail.com")]
    [InlineData("semarroba", "***")]
    public void Emails_keep_only_the_first_letter_and_domain(string email, string masked) =>
        Assert.Equal(masked, LogMasking.Email(email));
}
