"""The hardened configuration of the public instance, which the README's run command uses."""
from __future__ import annotations

import os
import shutil
import subprocess
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
    assert 'cd "$(dirname "$0")/.."' in run and "streamlit run dashboard/server.py" in run


def test_run_command_validates_the_data_it_will_serve(tmp_path):
    shutil.copytree(ROOT / "tests" / "knowledge" / "minimal", tmp_path / "data")
    bad = tmp_path / "data" / "treatments" / "exampleumab.yaml"
    bad.write_text(bad.read_text().replace("treatment_pct: 7", "treatment_pct: 170"))
    env = dict(os.environ, MS_DASHBOARD_DATA=str(tmp_path / "data"))
    # Without the check it would start the server on the broken data (and the timeout would end the test).
    done = subprocess.run(["bash", "scripts/run.sh", "--server.port", "1"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 1
    assert "exampleumab.yaml:43: adverse_events.1.treatment_pct" in done.stdout


def test_no_raw_html_and_no_unsafe_yaml_in_the_code():
    code = "\n".join(p.read_text() for folder in ("dashboard", "components") for p in (ROOT / folder).rglob("*.py"))
    assert "unsafe_allow_html=True" not in code.replace(" ", "")
    assert "yaml.load(" not in code.replace("yaml.load(text, Loader=SafeLoader)", "")


def test_dockerfile_runs_as_non_root_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER dashboard" in dockerfile and "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
