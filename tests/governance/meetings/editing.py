"""Opening an edit form as a person would: its signed opened version, to send back with
the changes (common.forms.OpenedVersionFormMixin)."""

import html
import re

OPENED = re.compile(r'<input[^>]*name="opened_version"[^>]*value="([^"]*)"|'
                    r'<input[^>]*value="([^"]*)"[^>]*name="opened_version"')  # fmt: skip


def opened(client, url: str) -> dict:
    """The hidden opened_version of the form at `url`, as a dict to add to a POST."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    found = OPENED.search(response.content.decode())
    assert found, "the form has no opened_version"
    return {"opened_version": html.unescape(found[1] or found[2])}


def edit(client, url: str, data: dict, **kwargs):
    """Opens the form at `url`, then sends `data` with its opened version."""
    return client.post(url, {**opened(client, url), **data}, **kwargs)
