"""nginx.conf for the one-machine scale-out, from nginx.conf.template (called by scripts/scale-out.sh).

    python deploy/nginx/render.py PREFIX LISTEN NOFILE UNLIMITED "TRUSTED_PROXIES" > PREFIX/nginx.conf

LISTEN: the address and port nginx listens on (127.0.0.1:8500 by default in scripts/scale-out.sh).

TRUSTED_PROXIES: the addresses or ranges (CIDR) of the reverse proxies or load balancers in front of this nginx,
separated by spaces or commas. Only a connection from one of them may say who the client is (X-Forwarded-For); the
per-client limits and the log's client network then use that address. Empty (the default): no proxy is trusted,
the client is the address of the connection, and X-Forwarded-For from anyone is ignored."""
from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from dashboard.headers import nginx_directives  # noqa: E402


def trusted_ranges(trusted: str) -> list[str]:
    """The ranges in `trusted` (spaces or commas between them), each checked; a mistyped one stops the start."""
    ranges = []
    for item in trusted.replace(",", " ").split():
        try:
            ranges.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise SystemExit(f"TRUSTED_PROXIES: {item!r} is not an IP address or CIDR range") from None
    return ranges


def real_ip(trusted: str, indent: str = " " * 4) -> str:
    """The realip directives: the client address taken from X-Forwarded-For, only from a trusted proxy. The last
    address in the header that is not a trusted proxy is the client (real_ip_recursive): what a client writes into
    the header itself comes before its proxy's entry and is never taken."""
    ranges = trusted_ranges(trusted)
    if not ranges:
        return f"{indent}# No trusted proxy (TRUSTED_PROXIES is empty): the client is the connection's address."
    return "\n".join([*(f"{indent}set_real_ip_from {r};" for r in ranges),
                      f"{indent}real_ip_header X-Forwarded-For;", f"{indent}real_ip_recursive on;"])


def render(prefix: str, listen: str, nofile: str, unlimited: str, trusted: str) -> str:
    values = {"@PREFIX@": prefix, "@LISTEN@": listen, "@NOFILE@": nofile, "@WORKER_CONNECTIONS@": str(int(nofile) // 2),
              "@UNLIMITED@": unlimited, "@REAL_IP@": real_ip(trusted), **nginx_directives()}
    text = (HERE / "nginx.conf.template").read_text()
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


if __name__ == "__main__":
    sys.stdout.write(render(*sys.argv[1:6]))
