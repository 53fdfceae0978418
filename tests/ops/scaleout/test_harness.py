"""The scale-out check's own parts, fast: what it posts for a form, and the nginx
configuration it derives from deploy/nginx.conf (so that a change to the shipped file that
the check can no longer follow fails here, in the normal test run, and not only later in the
scale-out check itself)."""

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))

import scaleout_check  # noqa: E402

FORM = """
<form method="post" action="">
  <input type="hidden" name="csrfmiddlewaretoken" value="abc">
  <input name="app-title" value="Tittel &amp; mer">
  <textarea name="app-description">
Første linje</textarea>
  <textarea name="milestones-2-description">
</textarea>
  <input type="checkbox" name="partners-0-DELETE">
  <input type="checkbox" name="consent" checked>
  <select name="budget-0-source"><option value="">Velg</option>
    <option value="fund" selected>Fond</option></select>
  <select name="budget-1-source"><option value="">Velg</option>
    <option value="fund">Fond</option></select>
  <input type="submit" name="save" value="Lagre">
</form>
<form action="/sok/"><input name="q" value=""></form>
"""


def test_a_form_is_sent_as_a_browser_sends_it():
    first, search = scaleout_check.forms_of(FORM)
    assert first["fields"] == [
        ("csrfmiddlewaretoken", "abc"),
        ("app-title", "Tittel & mer"),
        ("app-description", "Første linje"),  # the newline after <textarea> is not content
        ("milestones-2-description", ""),  # an empty extra row stays empty
        ("consent", "on"),  # unchecked boxes and the submit button are not sent
        ("budget-0-source", "fund"),
        ("budget-1-source", ""),
    ]
    assert search["action"] == "/sok/"


def test_autosave_changes_only_the_named_fields():
    fields = [("app-description", "a"), ("milestones-0-description", "b"), ("x", "c")]
    changed = scaleout_check.autosave_fields(fields, {"app-description": "ny"})
    assert changed == [("app-description", "ny"), ("milestones-0-description", "b"), ("x", "c")]


@pytest.fixture
def stack_ports(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    return SimpleNamespace(
        app_ports=[41001, 41002], nginx_port=41000, logs=logs, s3=SimpleNamespace(port=41003)
    )


def test_the_shipped_nginx_config_is_moved_onto_loopback(stack_ports):
    text = scaleout_check.Stack.site_config(stack_ports)
    assert "server 127.0.0.1:41001" in text and "server 127.0.0.1:41002" in text
    assert "listen 127.0.0.1:41000;" in text
    assert "127.0.0.1:41003" in text
    assert "web-1" not in text and "web-2" not in text and "s3:9000" not in text
    assert "listen 80;" not in text
    # what the check is about stays as shipped
    assert "proxy_next_upstream error timeout http_502;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text


@pytest.mark.skipif(
    not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(),
    reason="nginx-light is installed by make install-test",
)
def test_nginx_accepts_the_derived_config(stack_ports, tmp_path):
    site = tmp_path / "site.conf"
    site.write_text(scaleout_check.Stack.site_config(stack_ports))
    conf = tmp_path / "nginx.conf"
    temp = tmp_path / "temp"
    temp.mkdir()
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 16; }\n"
        f"http {{ client_body_temp_path {temp}/b; proxy_temp_path {temp}/p; "
        f"fastcgi_temp_path {temp}/f; uwsgi_temp_path {temp}/u; scgi_temp_path {temp}/s; "
        f"include {site}; }}\n"
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
