"""The Kubernetes manifests say what the README promises: probes, affinity, no committed secret, a pinned image,
a locked-down pod, a NetworkPolicy, a PodDisruptionBudget and TLS at the Ingress."""
from __future__ import annotations

from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def manifests() -> dict[str, dict]:
    """Every object in deploy/k8s by kind."""
    return {doc["kind"]: doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc}


def pod() -> dict:
    return manifests()["Deployment"]["spec"]["template"]["spec"]


def test_deployment_probes_resources_and_shared_cookie_secret():
    deployment = manifests()["Deployment"]
    container = pod()["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"  # fails while the knowledge does not load
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert set(container["resources"]) == {"requests", "limits"}
    secret_env = next(e for e in container["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert secret_env["valueFrom"]["secretKeyRef"]["name"] == "ms-dashboard"
    assert deployment["spec"]["replicas"] >= 2


def test_no_secret_is_committed_and_its_creation_is_documented():
    assert "Secret" not in manifests()
    assert not any("replace-me" in p.read_text() for p in K8S.glob("*.yaml"))
    readme = (K8S.parents[1] / "docs" / "deploy.md").read_text()
    assert "kubectl create secret generic ms-dashboard --from-literal=cookie-secret=" in readme


def test_image_is_pinned():
    image = pod()["containers"][0]["image"]
    name, _, tag = image.rpartition(":")
    assert "@sha256:" in image or (name and tag and tag != "latest")


def test_pod_is_locked_down():
    spec, container = pod(), pod()["containers"][0]
    assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] != 0
    assert spec["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert spec["automountServiceAccountToken"] is False
    context = container["securityContext"]
    assert context["readOnlyRootFilesystem"] is True and context["allowPrivilegeEscalation"] is False
    assert context["capabilities"]["drop"] == ["ALL"]
    writable = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert writable == {"/tmp": "tmp"} and {"name": "HOME", "value": "/tmp"} in container["env"]
    assert "emptyDir" in next(v for v in spec["volumes"] if v["name"] == "tmp")


def test_network_policy_lets_only_the_ingress_controller_in_and_nothing_out():
    policy = manifests()["NetworkPolicy"]["spec"]
    assert policy["podSelector"]["matchLabels"] == {"app": "ms-dashboard"}
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"} and policy["egress"] == []
    [rule] = policy["ingress"]
    assert rule["ports"] == [{"protocol": "TCP", "port": 8501}]


def test_disruption_budget_keeps_replicas_serving():
    budget = manifests()["PodDisruptionBudget"]["spec"]
    assert budget["maxUnavailable"] == 1 and budget["selector"]["matchLabels"] == {"app": "ms-dashboard"}


def test_tls_and_limits_at_the_ingress():
    ingress = manifests()["Ingress"]
    annotations = ingress["metadata"]["annotations"]
    [tls] = ingress["spec"]["tls"]
    assert tls["secretName"] and tls["hosts"] == [ingress["spec"]["rules"][0]["host"]]
    assert annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"] == "true"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-secure"] == "true"
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) <= 120
    assert int(annotations["nginx.ingress.kubernetes.io/limit-connections"]) >= 1000


def test_session_affinity_at_service_and_ingress():
    assert manifests()["Service"]["spec"]["sessionAffinity"] == "ClientIP"
    assert manifests()["Ingress"]["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
