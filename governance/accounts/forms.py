from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Sign in with an email address; messages say what to do, GOV.UK style."""

    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": "Enter your email address"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password. "
        "Both are case-sensitive except the email address.",
        "inactive": "This account has been switched off. Ask an administrator.",
    }
