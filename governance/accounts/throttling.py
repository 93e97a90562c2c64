"""How django-axes names the account a failed sign-in was for."""


def signed_in_email(request, credentials) -> str | None:
    """The email address tried, lower-cased, so "Ana@X" and "ana@x" count as one account.

    The sign-in form posts the address as "username" (Django's AuthenticationForm).
    """
    source = credentials if credentials else getattr(request, "POST", {})
    email = source.get("username") or source.get("email")
    return email.strip().lower() if email else None
