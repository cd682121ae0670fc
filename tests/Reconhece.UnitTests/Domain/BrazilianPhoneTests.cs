using Reconhece.Web.Domain;
using Xunit;

namespace Reconhece.UnitTests.Domain;

public sealed class BrazilianPhoneTests
{
    [Theory]
    [InlineData("(11) 98765-4321", "+5511987654321")]
    [InlineData("11987654321", "+5511987654321")]
    [InlineData("11 98765 4321", "+5511987654321")]
    [InlineData("+55 11 98765-4321", "+5511987654321")]
    [InlineData("+5511987654321", "+5511987654321")]
    [InlineData("5511987654321", "+5511987654321")]
    [InlineData("011 98765-4321", "+5511987654321")]          // long-distance prefix
    [InlineData("0 15 11 98765-4321", "+5511987654321")]      // long-distance prefix with carrier code
    [InlineData("(21) 99876-5432", "+5521998765432")]
    [InlineData("(55) 99123-4567", "+5555991234567")]         // DDD 55 (Santa Maria, RS)
    [InlineData("  (61)99999-0000 ", "+5561999990000")]
    [InlineData("0 11 98765-4321", "+5511987654321")]
    [InlineData("0xx11 98765-4321", "+5511987654321")]         // carrier code left open
    [InlineData("0 21 11 98765-4321", "+5511987654321")]       // carrier 21
    [InlineData("55 11 98765 4321", "+5511987654321")]
    [InlineData("055 99123-4567", "+5555991234567")]           // trunk + DDD 55
    public void Common_forms_of_a_mobile_become_one_E164_number(string input, string expected)
    {
        Assert.True(BrazilianPhone.TryNormalizeMobile(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("1234")]
    [InlineData("(11) 3333-4444")]     // landline
    [InlineData("(11) 8765-4321")]     // old 8-digit mobile, no ninth digit
    [InlineData("(20) 98765-4321")]    // area code 20 does not exist
    [InlineData("+1 212 555 0100")]    // United States
    [InlineData("+351 912 345 678")]   // Portugal
    [InlineData("abc")]
    [InlineData("119876543210000")]
    public void Anything_else_is_refused(string? input)
    {
        Assert.False(BrazilianPhone.TryNormalizeMobile(input, out var e164));
        Assert.Equal("", e164);
    }

    [Theory]
    [InlineData("", PhoneProblem.Empty)]
    [InlineData("abc", PhoneProblem.NotDigits)]
    [InlineData("(11) 98765-43210", PhoneProblem.ExtraDigits)]        // was cut to (11) 98765-4321 by the old mask
    [InlineData("011 98765-43210", PhoneProblem.ExtraDigits)]
    [InlineData("+55 11 98765-43210", PhoneProblem.ExtraDigits)]
    [InlineData("0 15 11 98765-43210", PhoneProblem.ExtraDigits)]
    [InlineData("(11) 98765-432", PhoneProblem.MissingDigits)]
    [InlineData("(11) 8765-4321", PhoneProblem.MissingNinthDigit)]
    [InlineData("011 8765-4321", PhoneProblem.MissingNinthDigit)]
    [InlineData("(11) 3333-4444", PhoneProblem.NotMobile)]
    [InlineData("(11) 38765-4321", PhoneProblem.NotMobile)]
    [InlineData("(20) 98765-4321", PhoneProblem.UnknownAreaCode)]
    [InlineData("+1 212 555 0100", PhoneProblem.Foreign)]
    [InlineData("+0", PhoneProblem.Foreign)]
    [InlineData("+", PhoneProblem.NotDigits)]
    public void A_refused_number_says_why_and_no_digit_is_dropped_or_guessed(string input, PhoneProblem problem)
    {
        var (e164, actual) = BrazilianPhone.Read(input);
        Assert.Equal(problem, actual);
        Assert.Equal("", e164);
    }

    [Theory]
    [InlineData("(11) 8765-4321", "+5511987654321")]
    [InlineData("(11) 98765-4321", null)]
    [InlineData("(11) 3333-4444", null)]
    [InlineData("+0", null)]
    [InlineData("+cmd|' /C calc'!A0", null)]
    [InlineData("", null)]
    public void A_number_typed_without_the_ninth_digit_suggests_the_mobile_it_may_be(string input, string? suggestion) =>
        Assert.Equal(suggestion, BrazilianPhone.WithNinthDigit(input));

    [Theory]
    [InlineData("+5511987654321", "(11) 98765-4321")]
    [InlineData("+551133334444", "(11) 3333-4444")]
    [InlineData("+12125550100", "+12125550100")]
    [InlineData(null, "")]
    public void Numbers_are_shown_the_Brazilian_way(string? e164, string shown) =>
        Assert.Equal(shown, BrazilianPhone.Format(e164));
}
