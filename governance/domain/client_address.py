"""Which address a request came from, when it may have passed through trusted proxies.

Behind the HTTPS proxy the README describes, every connection comes from the proxy, so
REMOTE_ADDR names the proxy, not the person. Each proxy appends the address it was
connected from to X-Forwarded-For, so with N proxies of our own in front of the service
the client's address is the Nth entry from the right; entries further left were sent by
the client and can say anything, so they are never believed.
"""

import ipaddress


def client_address(remote_addr: str, forwarded_for: str, *, proxy_count: int) -> str:
    """The connecting client's address, by the rule above.

    proxy_count 0 (the default) means no proxy: REMOTE_ADDR, whatever the header says.
    A header with fewer entries than proxies, or an entry that is not an address, means
    the request did not come through our proxies as configured: REMOTE_ADDR again, so a
    forged header never chooses the address.
    """
    if proxy_count <= 0:
        return remote_addr
    entries = [entry.strip() for entry in forwarded_for.split(",") if entry.strip()]
    if len(entries) < proxy_count:
        return remote_addr
    candidate = entries[-proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
