from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

from governance.models import User


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


NEW_PASSWORD_HINT = (
    "At least 12 characters. A few unrelated words make a password that is long "  # noqa: S105
    "and easy to remember. Do not use one you use anywhere else."
)


class GovukNewPasswordMixin:
    """Labels, hints and messages for setting a password, in GOV.UK wording."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label, first.help_text = "New password", NEW_PASSWORD_HINT
        first.error_messages["required"] = "Enter a new password"
        second.label, second.help_text = "Confirm new password", ""
        second.error_messages["required"] = "Confirm your new password"
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": "The passwords do not match: enter the same password twice",
        }


class ChangePasswordForm(GovukNewPasswordMixin, PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.fields["old_password"]
        current.label = "Current password"
        current.error_messages["required"] = "Enter your current password"
        self.error_messages["password_incorrect"] = (
            "Your current password is not right: enter it again"  # noqa: S105
        )


class ResetPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        help_text="The address you sign in with. We will email you a link to set a new password.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )


class ChooseNewPasswordForm(GovukNewPasswordMixin, SetPasswordForm):
    pass


class ReminderPreferencesForm(forms.Form):
    """Which reminders a person gets by email (User.ReminderMode)."""

    reminder_mode = forms.ChoiceField(
        label="Which reminders do you want by email?",
        help_text="Escalations to the Director are always sent as they fall due.",
        choices=User.ReminderMode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which reminders you want by email"},
    )
