"""The public server (dashboard/server.py): readiness that follows the knowledge, security headers, no metrics."""
from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import running_dashboard

MINIMAL = Path(__file__).resolve().parents[1] / "knowledge" / "minimal"


def get(url: str, headers: dict | None = None) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    data = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(MINIMAL, data)
    bad = data / "treatments" / "exampleumab.yaml"
    bad.write_text(bad.read_text().replace("treatment_pct: 7", "treatment_pct: 170"))
    with running_dashboard(data) as url:
        yield url, bad


@pytest.fixture(scope="module")
def served():
    with running_dashboard() as url:
        yield url


def test_ready_when_the_knowledge_loads(served, knowledge):
    assert get(f"{served}/ready")[::2] == (200, f"ready: {len(knowledge.treatments)} treatments\n")


def test_not_ready_while_the_knowledge_does_not_load_though_health_says_ok(broken):
    url, bad = broken
    assert get(f"{url}/_stcore/health")[0] == 200  # the process is alive...
    status, _, body = get(f"{url}/ready")          # ...but must get no traffic
    assert status == 503 and body.startswith("not ready: the knowledge does not load")
    assert str(bad.parent) not in body


@pytest.mark.parametrize("path", ["/", "/ready", "/_stcore/health", "/static/does-not-exist.js", "/_stcore/metrics"])
def test_security_headers_on_every_response(served, path):
    status, headers, _ = get(served + path)
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in headers  # plain http here; see the https case below


def test_hsts_only_when_the_request_came_over_https(served):
    assert get(f"{served}/_stcore/health", {"X-Forwarded-Proto": "https"})[1]["strict-transport-security"] == "max-age=31536000"


def test_metrics_are_not_public(served):
    status, _, body = get(f"{served}/_stcore/metrics")
    assert status == 404 and "session" not in body


def test_embedding_is_allowed_only_where_configured(monkeypatch):
    from dashboard import headers

    assert headers.headers()["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    monkeypatch.setenv("MS_DASHBOARD_FRAME_ANCESTORS", "https://intranet.example.org")
    assert headers.headers()["Content-Security-Policy"].endswith("frame-ancestors https://intranet.example.org")
