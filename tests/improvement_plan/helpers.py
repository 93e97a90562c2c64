"""Posting a plan form as a browser would: with the opened version its page carried."""

from common.forms import OPENED_FIELD


def opened_version(client, url: str) -> str:
    """The signed opened-version token of the form on `url`, as the page gives it now."""
    return client.get(url).context["form"].initial[OPENED_FIELD]


def post_form(client, url: str, data: dict, **kwargs):
    """Opens the form, then posts `data` with the token it carried (unless data has one)."""
    return client.post(url, {OPENED_FIELD: opened_version(client, url), **data}, **kwargs)
