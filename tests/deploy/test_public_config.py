"""The hardened configuration of the public instance, which the README's run command uses."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_public_instance_configuration():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    server = config["server"]
    assert server["headless"] is True and server["fileWatcherType"] == "none" and server["enableXsrfProtection"] is True


def test_run_command_uses_that_configuration_from_the_repository_root():
    run = (ROOT / "scripts" / "run.sh").read_text()
    assert 'cd "$(dirname "$0")/.."' in run and "streamlit run dashboard/app.py" in run


def test_no_raw_html_and_no_unsafe_yaml_in_the_code():
    code = "\n".join(p.read_text() for folder in ("dashboard", "components") for p in (ROOT / folder).rglob("*.py"))
    assert "unsafe_allow_html=True" not in code.replace(" ", "")
    assert "yaml.load(" not in code.replace("yaml.load(text, Loader=SafeLoader)", "")


def test_dockerfile_runs_as_non_root_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER dashboard" in dockerfile and "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
