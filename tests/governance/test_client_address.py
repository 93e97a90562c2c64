"""Finding 9: the address a sign-in came from, read through our own proxies only."""

import pytest

from governance.domain.client_address import client_address

PROXY = "10.0.0.5"


@pytest.mark.parametrize(
    ("forwarded_for", "proxy_count", "expected"),
    [
        ("", 0, PROXY),
        ("203.0.113.7", 0, PROXY),  # no proxy configured: the header is anyone's to forge
        ("203.0.113.7", 1, "203.0.113.7"),
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # the left entry was forged
        ("198.51.100.1,203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),
        ("203.0.113.7", 2, PROXY),  # fewer entries than proxies: not through our proxies
        ("", 1, PROXY),
        ("not-an-address", 1, PROXY),
        ("2001:db8::1", 1, "2001:db8::1"),
        (" 203.0.113.7 ", 1, "203.0.113.7"),
    ],
)
def test_client_address(forwarded_for, proxy_count, expected):
    assert client_address(PROXY, forwarded_for, proxy_count=proxy_count) == expected
